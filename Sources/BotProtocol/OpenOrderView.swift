public import MarketModel

/// One of the bot's resting orders.
public struct OpenOrderView: Codable, Sendable, Hashable {
    public var orderID: UInt64
    /// The bot's `client_id` of the order, if it gave one.
    public var clientID: UInt64?
    public var symbol: String
    public var side: Side
    public var price: String
    /// Unfilled quantity in coins.
    public var remaining: String

    /// Creates an open-order view.
    public init(orderID: UInt64, clientID: UInt64?, symbol: String, side: Side, price: String, remaining: String) {
        self.orderID = orderID
        self.clientID = clientID
        self.symbol = symbol
        self.side = side
        self.price = price
        self.remaining = remaining
    }

    enum CodingKeys: String, CodingKey {
        case orderID = "order_id"
        case clientID = "client_id"
        case symbol, side, price, remaining
    }
}
