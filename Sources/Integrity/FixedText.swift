/// Fixed number formats of the integrity report: amounts always with eight decimals, ratios as
/// integers in parts per million (written as JSON integers, not here).
enum FixedText {
    /// `units` of 1e-8 USDT as a decimal with exactly eight fractional digits, e.g. `"-12.50000000"`.
    static func usdt(_ units: Int128) -> String {
        let negative = units < 0
        let magnitude = units.magnitude
        let whole = magnitude / 100_000_000
        let fraction = String(magnitude % 100_000_000)
        let body = "\(whole)." + String(repeating: "0", count: 8 - fraction.count) + fraction
        return negative ? "-" + body : body
    }

    /// `usdt(_:)` for 64-bit amounts.
    static func usdt(_ units: Int64) -> String { usdt(Int128(units)) }
}
