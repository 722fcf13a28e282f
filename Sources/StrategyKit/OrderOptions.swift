import MarketModel

/// The options of `buy`, `sell` and `target_position`.
struct OrderOptions: Hashable, Sendable {
    /// Quantity in coins (`buy`/`sell`, positive) or the signed target position.
    var size: Expression
    var market: NameReference?
    /// Limit price; buy prices round down onto the tick grid, sell prices up.
    var price: Expression?
    /// Limit price as a distance from mid (below for buys, above for sells).
    var offset: Expression?
    var postOnly = false
    var timeInForce: TimeInForce?
    var reduceOnly = false
}
