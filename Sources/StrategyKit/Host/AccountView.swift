public import MarketModel

/// The strategy's own account for one tick.
public struct AccountView: Hashable, Sendable, Codable {
    /// Wallet balance plus unrealised PnL at mark.
    public var equity: Money
    /// Wallet balance.
    public var balance: Money
    /// Maintenance margin / equity.
    public var marginRatio: Rate
    /// Per instrument, indexed like the evaluator's instruments (`InstrumentID.rawValue`);
    /// missing entries mean flat.
    public var positions: [PositionView]

    /// Creates a view.
    public init(equity: Money, balance: Money, marginRatio: Rate = .zero, positions: [PositionView] = []) {
        self.equity = equity
        self.balance = balance
        self.marginRatio = marginRatio
        self.positions = positions
    }
}
