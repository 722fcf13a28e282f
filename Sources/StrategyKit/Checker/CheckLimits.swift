public import MarketModel

/// The contest's limits a strategy is checked against.
public struct CheckLimits: Hashable, Sendable {
    /// Longest lookback (ticks) any indicator may use.
    public var maxLookback: Int
    /// Step budget per tick; the static cost bound must not exceed it, and the evaluator enforces it.
    public var maxStepsPerTick: Int
    /// The contest's instruments; a strategy may only trade these.
    public var instruments: [InstrumentSpec]
    /// Highest `risk.max_orders_per_tick` allowed (and the default when a strategy sets none).
    public var maxOrdersPerTick: Int

    /// Creates limits.
    public init(maxLookback: Int, maxStepsPerTick: Int, instruments: [InstrumentSpec], maxOrdersPerTick: Int = 16) {
        self.maxLookback = maxLookback
        self.maxStepsPerTick = maxStepsPerTick
        self.instruments = instruments
        self.maxOrdersPerTick = maxOrdersPerTick
    }

    /// BTC-PERP and ETH-PERP, lookback 2 000 ticks, 20 000 steps per tick, 16 orders per tick.
    public static let standard = CheckLimits(
        maxLookback: 2_000, maxStepsPerTick: 20_000, instruments: [.btcPerp, .ethPerp])
}
