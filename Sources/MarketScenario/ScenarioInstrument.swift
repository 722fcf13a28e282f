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
