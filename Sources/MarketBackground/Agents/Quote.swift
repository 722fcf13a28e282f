import MarketModel

/// A resting quote of a market maker.
struct Quote: Sendable, Hashable {
    var order: UInt64
    var side: Side
    var price: Int64
}
