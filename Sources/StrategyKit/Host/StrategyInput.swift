/// Everything a rules strategy sees in one tick.
public struct StrategyInput: Hashable, Sendable, Codable {
    /// The tick number.
    public var tick: Int64
    /// Per instrument, indexed like the evaluator's instruments (`InstrumentID.rawValue`).
    public var markets: [MarketView]
    /// The strategy's own account.
    public var account: AccountView

    /// Creates an input.
    public init(tick: Int64, markets: [MarketView], account: AccountView) {
        self.tick = tick
        self.markets = markets
        self.account = account
    }
}
