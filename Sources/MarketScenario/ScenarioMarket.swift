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
