import MarketModel

/// A resting order.
public struct OrderSnapshot: Sendable, Hashable, Codable {
    public var order: OrderID
    public var instrument: InstrumentID
    public var side: Side
    public var price: Price
    public var remaining: Quantity
    public var original: Quantity
    public var timeInForce: TimeInForce
    public var reduceOnly: Bool
    public var clientTag: UInt64
    public var placedTick: Int64
}
