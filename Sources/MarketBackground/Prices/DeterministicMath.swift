/// `log` and `exp` from IEEE-754 basic operations only, so results are identical on every
/// platform (no libm, no Foundation). Accurate to about 1e-15 relative, which is ample for the
/// background price process; every result is rounded onto the integer grid before use.
public enum DeterministicMath {
    static let ln2 = 0.693_147_180_559_945_309_417_232_121_458

    /// Natural logarithm of a positive finite `x` (returns -infinity for 0).
    public static func log(_ x: Double) -> Double {
        guard x > 0 else { return -.infinity }
        guard x.isFinite else { return x }
        // x = m · 2^e with m in [1, 2); rescale m into [sqrt(1/2), sqrt(2)).
        var exponent = Double(Int(x.exponent))
        var m = x.significand
        if m > 1.414_213_562_373_095 {
            m /= 2
            exponent += 1
        }
        // log(m) = 2 atanh(t), t = (m − 1)/(m + 1), |t| < 0.172.
        let t = (m - 1) / (m + 1)
        let t2 = t * t
        var term = t
        var sum = 0.0
        var k = 1.0
        for _ in 0..<20 {
            sum += term / k
            term *= t2
            k += 2
        }
        return 2 * sum + exponent * ln2
    }

    /// e^x for finite `x` (saturates to 0 / +infinity outside about ±700).
    public static func exp(_ x: Double) -> Double {
        if x > 709 { return .infinity }
        if x < -745 { return 0 }
        let k = Double(roundToInteger(x / ln2))
        let r = x - k * ln2
        var term = 1.0
        var sum = 1.0
        for n in 1..<25 {
            term *= r / Double(n)
            sum += term
        }
        return sum * Double(sign: .plus, exponent: Int(k), significand: 1)
    }

    /// Nearest integer, ties to even, for |x| < 2^62 (plain conversions only; no libm).
    public static func roundToInteger(_ x: Double) -> Int64 {
        guard x.isFinite else { return x > 0 ? Int64.max : (x < 0 ? Int64.min : 0) }
        if x >= 4.6e18 { return Int64.max }
        if x <= -4.6e18 { return Int64.min }
        let truncated = Int64(x)
        let fraction = x - Double(truncated)
        if fraction > 0.5 { return truncated + 1 }
        if fraction < -0.5 { return truncated - 1 }
        if fraction == 0.5 { return truncated % 2 == 0 ? truncated : truncated + 1 }
        if fraction == -0.5 { return truncated % 2 == 0 ? truncated : truncated - 1 }
        return truncated
    }

    /// Square root by Newton iteration from an exponent-halved start (no libm).
    public static func sqrt(_ x: Double) -> Double {
        guard x > 0, x.isFinite else { return x == 0 ? 0 : (x.isInfinite && x > 0 ? x : .nan) }
        var y = Double(sign: .plus, exponent: Int(x.exponent) / 2, significand: 1)
        for _ in 0..<8 { y = 0.5 * (y + x / y) }
        return y
    }
}
