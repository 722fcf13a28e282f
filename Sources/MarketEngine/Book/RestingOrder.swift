import MarketModel

/// A live order in the slab. Slots are reused; a queue entry is valid only while the slot still
/// holds the same order id and `live` is set (lazy deletion keeps cancel O(1)).
struct RestingOrder: Sendable {
    var id: UInt64
    var account: UInt32
    var instrument: UInt16
    var side: Side
    var timeInForce: TimeInForce
    var reduceOnly: Bool
    var live: Bool
    var price: Int64
    var remaining: Int64
    var original: Int64
    var clientTag: UInt64
    var placedTick: Int64
}
