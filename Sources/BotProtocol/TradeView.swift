public import MarketModel

/// A public trade on an instrument since the previous observation.
public struct TradeView: Codable, Sendable, Hashable {
    public var price: String
    public var quantity: String
    /// The taker's side.
    public var side: Side

    /// Creates a trade view.
    public init(price: String, quantity: String, side: Side) {
        self.price = price
        self.quantity = quantity
        self.side = side
    }

    enum CodingKeys: String, CodingKey {
        case price
        case quantity = "qty"
        case side
    }
}
