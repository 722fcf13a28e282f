/// An instrument: a default (`BTC-PERP`, `ETH-PERP`) with optional overrides.
public struct ScenarioInstrument: Sendable, Decodable {
    /// Symbol.
    public var symbol: String
    /// Default to start from; defaults to `symbol`.
    public var base: String?
    /// Tick size.
    public var tickSize: String?
    /// Lot size.
    public var lotSize: String?
    /// Min notional.
    public var minNotional: String?
    /// Price band.
    public var priceBand: String?
    /// Max leverage.
    public var maxLeverage: Int64?
    /// Margin tiers.
    public var marginTiers: [ScenarioTier]?
    /// Maker fee.
    public var makerFee: String?
    /// Taker fee.
    public var takerFee: String?
    /// Funding interval ticks.
    public var fundingIntervalTicks: Int64?
    /// Funding interest.
    public var fundingInterest: String?
    /// Funding clamp.
    public var fundingClamp: String?
    /// Funding cap.
    public var fundingCap: String?
}
