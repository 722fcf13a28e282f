import MarketModel

/// A team of one run, as the tape knows it.
struct TapeTeam: Sendable {
    /// Heat slot.
    var slot: UInt32
    /// Stable team id (the key across runs).
    var teamID: String
    /// Display label.
    var label: String
    /// Engine account; nil when the account was never opened.
    var account: AccountID?
    /// Final equity minus deposits (money units).
    var pnl: Int64
}
