/// The cross part of an account; positions live in `Exchange.positions`.
struct AccountState: Sendable, Hashable {
    var kind: AccountKind
    /// Resting orders across instruments.
    var openOrders: Int32 = 0
    /// Positions with non-zero size.
    var openPositions: Int32 = 0
}
