/// The cross part of an account; positions live in `Exchange.positions`.
struct AccountState: Sendable, Hashable {
    var kind: AccountKind
    /// Cross wallet in money units (excludes isolated margins).
    var wallet: Int64
    /// Net deposits.
    var deposits: Int64
    /// Resting orders across instruments.
    var openOrders: Int32 = 0
    /// Positions with non-zero size.
    var openPositions: Int32 = 0
}
