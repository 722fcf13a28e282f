/// Market-wide overrides.
public struct ScenarioMarket: Sendable, Decodable {
    /// Tick milliseconds.
    public var tickMilliseconds: Int64?
    /// Funding rate period milliseconds.
    public var fundingRatePeriodMilliseconds: Int64?
    /// Insurance fund.
    public var insuranceFund: String?
    /// Liquidation clearance fee.
    public var liquidationClearanceFee: String?
    /// Basis sample ticks.
    public var basisSampleTicks: Int64?
    /// Premium sample ticks.
    public var premiumSampleTicks: Int64?
    /// Mark basis window.
    public var markBasisWindow: Int?
    /// Max open orders per account.
    public var maxOpenOrdersPerAccount: Int?
    /// Fund unwind notional per tick.
    public var fundUnwindNotionalPerTick: String?
}
