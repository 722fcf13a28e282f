/// The side of an order or a trade's taker.
public enum Side: String, Sendable, Codable, Hashable, CaseIterable {
    case buy
    case sell

    /// The other side.
    @inlinable public var opposite: Side { self == .buy ? .sell : .buy }
    /// +1 for buy, -1 for sell.
    @inlinable public var sign: Int64 { self == .buy ? 1 : -1 }
}
