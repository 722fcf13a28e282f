/// Why matching an incoming order stopped before its limit was exhausted.
enum MatchStop: Sendable {
    /// It did not stop early (filled, or the book ran out within the limit).
    case none
    /// Self-trade prevention (EXPIRE_TAKER).
    case selfTrade
    /// The next fill would have left the bot taker with negative equity at mark.
    case margin
}
