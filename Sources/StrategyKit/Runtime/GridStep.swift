/// One market's grid, as plain integers the interpreter can use without touching the spec.
struct GridStep: Sendable {
    /// Money units (1e-8) per tick.
    var tickUnits: Int64
    var lotsPerCoin: Int64

    /// `value` (USDT) to the nearest tick, as USDT; NaN when not representable.
    func nearestPrice(_ value: Double) -> Double {
        guard let ticks = GridRounding.steps(value * 1e8 / Double(tickUnits), .nearest) else { return .nan }
        return Double(ticks &* tickUnits) / 1e8
    }

    /// `value` (coins) to the nearest lot, as coins; NaN when not representable.
    func nearestQuantity(_ value: Double) -> Double {
        guard let lots = GridRounding.steps(value * Double(lotsPerCoin), .nearest) else { return .nan }
        return Double(lots &* (100_000_000 / lotsPerCoin)) / 1e8
    }
}
