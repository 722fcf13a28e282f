public import MarketModel

/// Exact, documented conversions between the evaluator's `Double` values and the integer grid.
///
/// Into `Double`: `Price`, `Quantity`, `Money` and `Rate` become the nearest `Double` to their
/// exact decimal value (the integer count of 1e-8 units, divided by 1e8 with one correctly
/// rounded division).
///
/// Onto the grid: a value is first divided by the grid step (tick or lot). A value within
/// `snapTolerance` grid steps of a grid point *is* that grid point — this absorbs the binary
/// representation error of decimals such as 0.1 — and otherwise it is rounded in the requested
/// direction (for `.nearest`, a value within `snapTolerance` of a half step counts as the half and
/// goes away from zero). Non-finite values and values outside ±2^53 grid steps are refused (`nil`).
public enum GridRounding {
    /// Distance, in grid steps, under which a value counts as exactly on a grid point.
    public static let snapTolerance = 1e-6
    private static let unitsPerCoin = Double(Money.unitsPerCoin)
    private static let limit = 9_007_199_254_740_992.0

    /// The price in quote currency.
    @inlinable public static func value(_ price: Price, spec: InstrumentSpec) -> Double {
        Double(price.ticks &* spec.tickSize.units) / 1e8
    }

    /// The quantity in coins.
    @inlinable public static func value(_ quantity: Quantity, spec: InstrumentSpec) -> Double {
        Double(quantity.lots &* (Money.unitsPerCoin / spec.lotsPerCoin)) / 1e8
    }

    @inlinable public static func value(_ money: Money) -> Double { Double(money.units) / 1e8 }
    @inlinable public static func value(_ rate: Rate) -> Double { Double(rate.units) / 1e8 }

    /// The price on `spec`'s tick grid, moved in `direction` when it falls between ticks.
    public static func price(_ value: Double, spec: InstrumentSpec, direction: RoundingDirection) -> Price? {
        steps(value * unitsPerCoin / Double(spec.tickSize.units), direction).map { Price(ticks: $0) }
    }

    /// The quantity (coins) on `spec`'s lot grid, moved in `direction` when it falls between lots.
    public static func quantity(_ coins: Double, spec: InstrumentSpec, direction: RoundingDirection = .towardZero)
        -> Quantity?
    {
        steps(coins * Double(spec.lotsPerCoin), direction).map { Quantity(lots: $0) }
    }

    /// `value` expressed in grid steps, as a whole number of steps.
    static func steps(_ scaled: Double, _ direction: RoundingDirection) -> Int64? {
        guard scaled.isFinite, scaled.magnitude < limit else { return nil }
        let nearest = scaled.rounded(.toNearestOrAwayFromZero)
        if (scaled - nearest).magnitude <= snapTolerance { return Int64(nearest) }
        let rounded: Double =
            switch direction {
            case .down: scaled.rounded(.down)
            case .up: scaled.rounded(.up)
            case .towardZero: scaled.rounded(.towardZero)
            case .nearest:
                // A decimal half (x.5 steps) is rarely exact in binary: treat near-halves as halves.
                (scaled - scaled.rounded(.towardZero)).magnitude >= 0.5 - snapTolerance
                    ? scaled.rounded(.awayFromZero) : nearest
            }
        return Int64(rounded)
    }
}
