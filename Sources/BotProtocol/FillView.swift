public import MarketModel

/// One fill of one of the bot's orders since the previous observation.
public struct FillView: Codable, Sendable, Hashable {
    public var orderID: UInt64
    public var clientID: UInt64?
    public var symbol: String
    /// The bot's side in this fill.
    public var side: Side
    public var price: String
    public var quantity: String
    /// Fee paid in USDT (negative for a rebate).
    public var fee: String
    /// `"maker"` or `"taker"`.
    public var liquidity: String

    /// Creates a fill view.
    public init(
        orderID: UInt64, clientID: UInt64?, symbol: String, side: Side, price: String, quantity: String,
        fee: String, liquidity: String
    ) {
        self.orderID = orderID
        self.clientID = clientID
        self.symbol = symbol
        self.side = side
        self.price = price
        self.quantity = quantity
        self.fee = fee
        self.liquidity = liquidity
    }

    enum CodingKeys: String, CodingKey {
        case orderID = "order_id"
        case clientID = "client_id"
        case symbol, side, price
        case quantity = "qty"
        case fee, liquidity
    }
}
