import MarketModel

/// An account valued at mark.
public struct AccountSnapshot: Sendable, Hashable, Codable {
    public var account: AccountID
    /// Wallet balance including isolated margins.
    public var balance: Money
    /// Cross wallet (excluding isolated margins).
    public var crossWallet: Money
    /// Balance + unrealised PnL at mark (the leaderboard valuation).
    public var equity: Money
    /// Cross equity minus initial margin of positions and orders.
    public var availableBalance: Money
    public var initialMargin: Money
    public var maintenanceMargin: Money
    public var unrealizedPnL: Money
    public var deposits: Money
    /// Positions with non-zero size, by instrument.
    public var positions: [PositionSnapshot]
    /// Resting orders by order id.
    public var openOrders: [OrderSnapshot]
    public var feesPaid: Money
    /// Net funding paid (positive = paid, negative = received).
    public var fundingPaid: Money
    public var realizedPnL: Money
    /// `true` for house and insurance-fund accounts.
    public var isHouse: Bool
}
