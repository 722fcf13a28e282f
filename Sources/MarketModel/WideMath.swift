/// How an integer division is rounded.
public enum RoundingRule: String, Sendable, Codable, Hashable {
    /// Toward negative infinity.
    case down
    /// Toward positive infinity.
    case up
    /// Toward zero (truncation).
    case towardZero
    /// To nearest; ties away from zero.
    case nearest
}

/// 128-bit intermediate arithmetic for products of prices, quantities, money and rates.
///
/// Every product in the engine is formed in `Int128` and divided once, with an explicit rounding
/// rule, so intermediate overflow cannot occur for any `Int64` operands.
public enum WideMath {
    /// `numerator / denominator` rounded by `rule`. `denominator` must not be zero.
    @inlinable
    public static func divide(_ numerator: Int128, _ denominator: Int128, _ rule: RoundingRule) -> Int128 {
        let quotient = numerator / denominator
        let remainder = numerator % denominator
        if remainder == 0 { return quotient }
        let positive = (numerator < 0) == (denominator < 0)
        switch rule {
        case .towardZero:
            return quotient
        case .down:
            return positive ? quotient : quotient - 1
        case .up:
            return positive ? quotient + 1 : quotient
        case .nearest:
            let twice = remainder.magnitude * 2
            if twice >= denominator.magnitude { return positive ? quotient + 1 : quotient - 1 }
            return quotient
        }
    }

    /// `a × b / c` with a 128-bit intermediate, rounded by `rule`, clamped into `Int64`.
    @inlinable
    public static func mulDiv(_ a: Int64, _ b: Int64, _ c: Int64, _ rule: RoundingRule) -> Int64 {
        // Fast path: the product fits in 64 bits (the common case), so no 128-bit division.
        let (product, overflow) = a.multipliedReportingOverflow(by: b)
        if !overflow, c != -1 { return divide64(product, c, rule) }
        return clamp(divide(Int128(a) * Int128(b), Int128(c), rule))
    }

    /// `numerator / denominator` in 64 bits, rounded by `rule` (denominator ≠ 0, ≠ −1 for Int64.min).
    @inlinable
    public static func divide64(_ numerator: Int64, _ denominator: Int64, _ rule: RoundingRule) -> Int64 {
        let quotient = numerator / denominator
        let remainder = numerator - quotient * denominator
        if remainder == 0 { return quotient }
        let positive = (numerator < 0) == (denominator < 0)
        switch rule {
        case .towardZero:
            return quotient
        case .down:
            return positive ? quotient : quotient - 1
        case .up:
            return positive ? quotient + 1 : quotient
        case .nearest:
            if remainder.magnitude >= denominator.magnitude - remainder.magnitude {
                return positive ? quotient + 1 : quotient - 1
            }
            return quotient
        }
    }

    /// Clamps a 128-bit value into `Int64`.
    @inlinable
    public static func clamp(_ value: Int128) -> Int64 {
        if value > Int128(Int64.max) { return Int64.max }
        if value < Int128(Int64.min) { return Int64.min }
        return Int64(value)
    }

    /// `value × rate` in money units, rounded by `rule` (rates are 1e-8).
    @inlinable
    public static func apply(_ rate: Rate, to value: Money, _ rule: RoundingRule) -> Money {
        Money(units: mulDiv(value.units, rate.units, Rate.one.units, rule))
    }
}
