import MarketModel
import Scoring

/// The detectors' integer arithmetic: ratios in parts per million, cosine similarity without
/// floating point, medians. Every result is a pure function of integers, so the same
/// transcripts give the same numbers on every machine.
enum FixedMath {
    /// One in parts per million.
    static let million: Int64 = 1_000_000

    /// `numerator × 10⁶ / denominator`, rounded toward zero and clamped into `Int64`; 0 when the
    /// denominator is 0.
    static func ppm(_ numerator: Int128, _ denominator: Int128) -> Int64 {
        guard denominator != 0 else { return 0 }
        var n = numerator
        var d = denominator
        while n.magnitude > UInt128(Int128.max) / 1_000_000 {
            n >>= 1
            d >>= 1
            if d == 0 { return n >= 0 ? Int64.max : Int64.min }
        }
        return WideMath.clamp(WideMath.divide(n * 1_000_000, d, .towardZero))
    }

    /// `ppm(numerator, denominator)` for 64-bit operands.
    static func ppm(_ numerator: Int64, _ denominator: Int64) -> Int64 { ppm(Int128(numerator), Int128(denominator)) }

    /// Cosine similarity in parts per million: `dot / √(normA × normB)`, with the square root
    /// taken by integer Newton iteration (floor) and the quotient rounded toward zero. All three
    /// inputs are scaled down together by powers of four when the product would overflow (which
    /// leaves the ratio unchanged up to rounding). 0 when either norm is 0.
    static func cosinePPM(dot: Int128, normA: Int128, normB: Int128) -> Int64 {
        guard normA > 0, normB > 0 else { return 0 }
        var a = normA
        var b = normB
        var d = dot
        while a.multipliedReportingOverflow(by: b).overflow {
            a >>= 2
            b >>= 2
            d >>= 2
            if a == 0 || b == 0 { return 0 }
        }
        let root = IntegerMath.squareRoot(a * b)
        guard root > 0 else { return 0 }
        return min(million, max(-million, ppm(d, root)))
    }

    /// The lower median of `values` (0 when empty).
    static func median(_ values: [Int64]) -> Int64 {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[(sorted.count - 1) / 2]
    }

    /// Money units (1e-8 USDT) of `lots` at `ticks` on an instrument whose tick-lot value is
    /// `tickLotValue`, in 128 bits.
    static func value(ticks: Int64, lots: Int64, tickLotValue: Int64) -> Int128 {
        Int128(ticks) * Int128(lots) * Int128(tickLotValue)
    }
}
