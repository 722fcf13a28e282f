/// The cross part of an account; positions live in `Exchange.positions`.
struct AccountState: Sendable, Hashable {
    var kind: AccountKind
    /// Resting orders across instruments.
    var openOrders: Int32 = 0
    /// Positions with non-zero size.
    var openPositions: Int32 = 0
    /// Self-trade-prevention group (0: none): accounts sharing a non-zero group never match each
    /// other (``MarketCommand/setSelfTradeGroup(account:group:)``).
    var selfTradeGroup: UInt32 = 0
    /// Slots of the account's oldest and newest live order (-1: none); the list runs through
    /// `Exchange.orderLinks` in order-id order (derived; not hashed).
    var firstOrder: Int32 = -1
    var lastOrder: Int32 = -1
}
