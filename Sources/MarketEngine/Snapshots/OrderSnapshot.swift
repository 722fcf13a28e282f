public import MarketModel

/// A resting order.
public struct OrderSnapshot: Sendable, Hashable, Codable {
    /// Order.
    public var order: OrderID
    /// Instrument.
    public var instrument: InstrumentID
    /// Side.
    public var side: Side
    /// Price.
    public var price: Price
    /// Remaining.
    public var remaining: Quantity
    /// Original.
    public var original: Quantity
    /// Time in force.
    public var timeInForce: TimeInForce
    /// Reduce only.
    public var reduceOnly: Bool
    /// Client tag.
    public var clientTag: UInt64
    /// Placed tick.
    public var placedTick: Int64
}
