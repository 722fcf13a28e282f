import MarketModel

/// One entry of a price level's FIFO queue.
struct QueueEntry: Sendable {
    var slot: Int32
    var id: UInt64
}
