/// A scenario file (`arena sim <scenario.json>`); see docs/MARKET.md for the format.
public struct Scenario: Sendable, Decodable {
    public var name: String
    public var description: String?
    /// Hand derivation of the expected values (documentation only).
    public var derivation: [String]?
    public var seed: UInt64?
    public var instruments: [ScenarioInstrument]
    public var market: ScenarioMarket?
    /// Per instrument symbol: an explicit path or a model.
    public var prices: [String: ScenarioPrices]
    public var accounts: [ScenarioAccount]
    /// Ticks to run; defaults to the last scripted tick + 1.
    public var ticks: Int64?
    public var script: [ScenarioStep]?
    /// Checks on the output lines (run by `arena sim --check` and the tests).
    public var expect: [ScenarioExpectation]?
}

/// Market-wide overrides.
public struct ScenarioMarket: Sendable, Decodable {
    public var tickMilliseconds: Int64?
    public var fundingRatePeriodMilliseconds: Int64?
    public var insuranceFund: String?
    public var liquidationClearanceFee: String?
    public var basisSampleTicks: Int64?
    public var premiumSampleTicks: Int64?
    public var markBasisWindow: Int?
    public var maxOpenOrdersPerAccount: Int?
    public var fundUnwindNotionalPerTick: String?
}

/// An instrument: a default (`BTC-PERP`, `ETH-PERP`) with optional overrides.
public struct ScenarioInstrument: Sendable, Decodable {
    public var symbol: String
    /// Default to start from; defaults to `symbol`.
    public var base: String?
    public var tickSize: String?
    public var lotSize: String?
    public var minNotional: String?
    public var priceBand: String?
    public var maxLeverage: Int64?
    public var marginTiers: [ScenarioTier]?
    public var makerFee: String?
    public var takerFee: String?
    public var fundingIntervalTicks: Int64?
    public var fundingInterest: String?
    public var fundingClamp: String?
    public var fundingCap: String?
}

/// A maintenance-margin bracket.
public struct ScenarioTier: Sendable, Decodable {
    public var cap: String
    public var maxLeverage: Int64
    public var mmr: String
    public var cum: String
}

/// Price source of one instrument.
public struct ScenarioPrices: Sendable, Decodable {
    /// Explicit per-tick points (index, optional mark and funding rate); last repeats.
    public var path: [ScenarioPricePoint]?
    /// `constant` or `jumpDiffusion` (with `start`).
    public var model: String?
    public var start: String?
    /// `none` (default) or `standard` background agents.
    public var agents: String?
}

/// One explicit tick of a price path.
public struct ScenarioPricePoint: Sendable, Decodable {
    public var index: String
    public var mark: String?
    public var fundingRate: String?
}

/// An account opened before tick 0.
public struct ScenarioAccount: Sendable, Decodable {
    public var name: String
    public var deposit: String
    public var leverage: [String: Int64]?
    public var marginMode: [String: String]?
}

/// Commands applied during one tick.
public struct ScenarioStep: Sendable, Decodable {
    public var tick: Int64
    public var commands: [ScenarioCommand]
}

/// One scripted command.
public struct ScenarioCommand: Sendable, Decodable {
    /// `order`, `cancel`, `cancelAll`, `leverage`, `marginMode`, `deposit`, `closeOut`.
    public var op: String
    public var account: String
    public var instrument: String?
    public var side: String?
    /// `limit` (default) or `market`.
    public var type: String?
    public var price: String?
    public var quantity: String?
    /// `gtc` (default), `ioc`, `fok`, `post_only`.
    public var tif: String?
    public var reduceOnly: Bool?
    public var tag: UInt64?
    /// For `cancel`: the engine order id, or use `tag` to cancel by client tag.
    public var order: UInt64?
    public var leverage: Int64?
    public var mode: String?
    public var amount: String?
}

/// Select the `nth` output line (0-based, default 0; negative counts from the end) whose fields
/// equal `where`, and compare `field` with `equals` (as text).
public struct ScenarioExpectation: Sendable, Decodable {
    public var `where`: [String: String]
    public var nth: Int?
    public var field: String
    public var equals: String?
    /// Expect the line not to exist (or the field to be absent / null) instead.
    public var absent: Bool?
    /// Expect this many matching lines instead of a field value.
    public var count: Int?
}
