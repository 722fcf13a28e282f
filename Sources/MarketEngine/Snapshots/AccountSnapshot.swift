public import MarketModel

/// An account valued at mark.
public struct AccountSnapshot: Sendable, Hashable, Codable {
    /// Account.
    public var account: AccountID
    /// Wallet balance including isolated margins.
    public var balance: Money
    /// Cross wallet (excluding isolated margins).
    public var crossWallet: Money
    /// Balance + unrealised PnL at mark (the leaderboard valuation).
    public var equity: Money
    /// Cross equity minus initial margin of positions and orders.
    public var availableBalance: Money
    /// Initial margin.
    public var initialMargin: Money
    /// Maintenance margin.
    public var maintenanceMargin: Money
    /// Unrealized PnL.
    public var unrealizedPnL: Money
    /// Net deposits (withdrawals are negative deposits).
    public var deposits: Money
    /// Positions with non-zero size, by instrument.
    public var positions: [PositionSnapshot]
    /// Resting orders by order id.
    public var openOrders: [OrderSnapshot]
    /// Fees paid.
    public var feesPaid: Money
    /// Net funding paid (positive = paid, negative = received).
    public var fundingPaid: Money
    /// Realized PnL.
    public var realizedPnL: Money
    /// `true` for house and insurance-fund accounts.
    public var isHouse: Bool
}
