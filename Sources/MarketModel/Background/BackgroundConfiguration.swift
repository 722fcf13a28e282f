/// The seeded background market: one entry per instrument plus the house accounts' capital.
///
/// Vocabulary shared by the engine (which opens the house accounts and reads pinned path points)
/// and `MarketBackground` (which runs the price processes and agents it describes).
public struct BackgroundConfiguration: Sendable, Hashable, Codable {
    /// Per-instrument price process and agent mix, in `InstrumentID` order.
    public var instruments: [InstrumentBackground]
    /// Deposit of every house (agent) account.
    public var houseDeposit: Money

    public init(instruments: [InstrumentBackground], houseDeposit: Money = .usdt(100_000_000)) {
        self.instruments = instruments
        self.houseDeposit = houseDeposit
    }

    /// The default agent mix (2 market makers, 3 noise traders, 4 value agents per instrument)
    /// around a regime-switching jump diffusion starting at `startPrices`.
    public static func standard(startPrices: [Price]) -> BackgroundConfiguration {
        BackgroundConfiguration(instruments: startPrices.map { InstrumentBackground.standard(start: $0) })
    }

    /// No agents, constant price: for scenarios and tests that script every order.
    public static func quiet(startPrices: [Price]) -> BackgroundConfiguration {
        BackgroundConfiguration(instruments: startPrices.map { InstrumentBackground.quiet(start: $0) })
    }
}
