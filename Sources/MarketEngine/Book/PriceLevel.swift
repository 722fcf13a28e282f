import DequeModule

/// All orders at one price on one side, in arrival order, with live aggregates.
struct PriceLevel: Sendable {
    /// Sort key: the price for bids, minus the price for asks (best level has the largest key).
    var key: Int64
    var queue: Deque<QueueEntry>
    /// Sum of live remaining lots.
    var quantity: Int64
    /// Number of live orders.
    var count: Int32
}
