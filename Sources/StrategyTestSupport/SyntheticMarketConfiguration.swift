public import MarketModel

/// Settings of a `SyntheticMarket`.
public struct SyntheticMarketConfiguration: Hashable, Sendable {
    /// Instruments, in `InstrumentID` order.
    public var instruments: [InstrumentSpec]
    /// Starting mid price per instrument.
    public var startPrices: [Price]
    /// Seed of the price path (same seed, same path).
    public var seed: UInt64
    /// Starting wallet balance.
    public var deposit: Money
    /// Largest random move per tick, in ticks.
    public var noiseTicks: Int64
    /// Ticks per regime (trend up, range, trend down, range, ...).
    public var regimeTicks: Int64

    /// Creates a configuration; the defaults describe BTC-PERP at 67 000 and ETH-PERP at 3 500.
    public init(
        instruments: [InstrumentSpec] = [.btcPerp, .ethPerp],
        startPrices: [Price] = [Price(ticks: 670_000), Price(ticks: 350_000)], seed: UInt64 = 1,
        deposit: Money = .usdt(100_000), noiseTicks: Int64 = 40, regimeTicks: Int64 = 400
    ) {
        self.instruments = instruments
        self.startPrices = startPrices
        self.seed = seed
        self.deposit = deposit
        self.noiseTicks = noiseTicks
        self.regimeTicks = regimeTicks
    }
}
