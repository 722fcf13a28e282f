public import ContestModel

/// A scenario file (`arena sim <scenario.json>`); see docs/MARKET.md for the format.
public struct Scenario: Sendable, Decodable {
    /// Name.
    public var name: String
    /// Description.
    public var description: String?
    /// Hand derivation of the expected values (documentation only).
    public var derivation: [String]?
    /// Seed.
    public var seed: UInt64?
    /// Instruments.
    public var instruments: [ScenarioInstrument]
    /// Market.
    public var market: ScenarioMarket?
    /// A contest's `market:` section (its JSON form, snake_case keys as in the YAML): the
    /// market is built exactly as a contest run builds it; `instruments` and `prices` may then
    /// be empty.
    public var contestMarket: MarketSettings?
    /// Per instrument symbol: an explicit path or a model.
    public var prices: [String: ScenarioPrices]
    /// Accounts.
    public var accounts: [ScenarioAccount]
    /// Ticks to run; defaults to the last scripted tick + 1.
    public var ticks: Int64?
    /// Script.
    public var script: [ScenarioStep]?
    /// Checks on the output lines (run by `arena sim --check` and the tests).
    public var expect: [ScenarioExpectation]?
}
