import MarketModel

/// A compiled `buy`/`sell`/`target_position`.
struct CompiledOrder: Sendable {
    /// Strategy market index.
    var market: Int
    /// `nil` for `target_position` (the side follows from the difference).
    var side: Side?
    var size: CodeRange
    var price: CodeRange?
    var offset: CodeRange?
    var timeInForce: TimeInForce?
    var postOnly: Bool
    var reduceOnly: Bool

    var cost: Int { 6 + size.cost + (price?.cost ?? 0) + (offset?.cost ?? 0) }
}
