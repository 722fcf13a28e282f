/// The `risk:` block, validated.
struct RiskSettings: Sendable {
    var maxLeverage: Int64?
    /// USDT per market.
    var maxPositionNotional: Double?
    /// Fraction of entry notional lost that closes a position.
    var stopLoss: Double?
    /// Fraction of entry notional gained that closes a position.
    var takeProfit: Double?
    var maxOrdersPerTick: Int
}
