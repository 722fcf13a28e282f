/// Something that happened to the bot's account since the previous observation that is not a
/// fill or a rejection: funding, liquidation, auto-deleveraging, a cancel by the engine.
public struct AccountEventView: Codable, Sendable, Hashable {
    /// Stable snake_case kind: `funding`, `liquidation`, `adl`, `order_cancelled`, `leverage_set`, …
    public var kind: String
    public var symbol: String?
    /// Amount in USDT or coins depending on `kind`, decimal string.
    public var amount: String?
    public var orderID: UInt64?
    public var detail: String?

    /// Creates an event view.
    public init(
        kind: String, symbol: String? = nil, amount: String? = nil, orderID: UInt64? = nil, detail: String? = nil
    ) {
        self.kind = kind
        self.symbol = symbol
        self.amount = amount
        self.orderID = orderID
        self.detail = detail
    }

    enum CodingKeys: String, CodingKey {
        case kind, symbol, amount
        case orderID = "order_id"
        case detail
    }
}
