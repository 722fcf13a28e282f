public import MarketModel

/// `{"action":"place", ...}`: place a limit or market order.
public struct PlaceOrder: Codable, Sendable, Hashable {
    public var symbol: String
    public var side: Side
    /// `limit` or `market` (wire key `type`).
    public var kind: OrderKind
    /// Limit price, decimal string; required for `limit`, ignored for `market`.
    public var price: String?
    /// Quantity in coins, decimal string.
    public var quantity: String
    /// Time in force; defaults to `gtc` for limit and `ioc` for market orders.
    public var timeInForce: TimeInForce?
    public var reduceOnly: Bool?
    /// Bot-chosen id echoed in fills, open orders and rejections.
    public var clientID: UInt64?

    /// Creates a place action.
    public init(
        symbol: String, side: Side, kind: OrderKind, price: String?, quantity: String,
        timeInForce: TimeInForce? = nil, reduceOnly: Bool? = nil, clientID: UInt64? = nil
    ) {
        self.symbol = symbol
        self.side = side
        self.kind = kind
        self.price = price
        self.quantity = quantity
        self.timeInForce = timeInForce
        self.reduceOnly = reduceOnly
        self.clientID = clientID
    }

    /// The time in force after defaults are applied.
    public var effectiveTimeInForce: TimeInForce { timeInForce ?? (kind == .market ? .ioc : .gtc) }

    enum CodingKeys: String, CodingKey {
        case symbol, side
        case kind = "type"
        case price
        case quantity
        case timeInForce = "tif"
        case reduceOnly = "reduce_only"
        case clientID = "client_id"
    }
}
