/// The `risk:` block as written.
struct RiskDefinition: Hashable, Sendable {
    var maxLeverage: NumberSetting?
    var maxPositionNotional: NumberSetting?
    var stopLoss: NumberSetting?
    var takeProfit: NumberSetting?
    var maxOrdersPerTick: NumberSetting?
}
