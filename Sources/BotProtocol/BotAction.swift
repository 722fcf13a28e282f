/// One action inside an `actions` message, discriminated by its `"action"` field.
public enum BotAction: Codable, Sendable, Hashable {
    /// `{"action":"place", "symbol", "side", "type", "price"?, "quantity", "tif"?, "reduce_only"?, "client_id"?}`
    case place(PlaceOrder)
    /// `{"action":"cancel", "symbol", "order_id"}`
    case cancel(symbol: String, orderID: UInt64)
    /// `{"action":"cancel_all", "symbol"?}`: every open order, or every one on `symbol`.
    case cancelAll(symbol: String?)
    /// `{"action":"set_leverage", "symbol", "leverage"}`
    case setLeverage(symbol: String, leverage: Int)

    enum CodingKeys: String, CodingKey {
        case action, symbol
        case orderID = "order_id"
        case leverage
    }

    /// The wire name of the action kind.
    public var name: String {
        switch self {
        case .place: "place"
        case .cancel: "cancel"
        case .cancelAll: "cancel_all"
        case .setLeverage: "set_leverage"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let action = try container.decode(String.self, forKey: .action)
        switch action {
        case "place":
            self = .place(try PlaceOrder(from: decoder))
        case "cancel":
            self = .cancel(
                symbol: try container.decode(String.self, forKey: .symbol),
                orderID: try container.decode(UInt64.self, forKey: .orderID))
        case "cancel_all":
            self = .cancelAll(symbol: try container.decodeIfPresent(String.self, forKey: .symbol))
        case "set_leverage":
            self = .setLeverage(
                symbol: try container.decode(String.self, forKey: .symbol),
                leverage: try container.decode(Int.self, forKey: .leverage))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .action, in: container, debugDescription: "unknown action \(action.prefix(40))")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .action)
        switch self {
        case .place(let order):
            try order.encode(to: encoder)
        case .cancel(let symbol, let orderID):
            try container.encode(symbol, forKey: .symbol)
            try container.encode(orderID, forKey: .orderID)
        case .cancelAll(let symbol):
            try container.encodeIfPresent(symbol, forKey: .symbol)
        case .setLeverage(let symbol, let leverage):
            try container.encode(symbol, forKey: .symbol)
            try container.encode(leverage, forKey: .leverage)
        }
    }
}
