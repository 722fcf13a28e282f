/// How long an order may rest.
public enum TimeInForce: String, Sendable, Codable, Hashable, CaseIterable {
    /// Good till cancelled: rests after matching what it can.
    case gtc
    /// Immediate or cancel: the unfilled part is cancelled.
    case ioc
    /// Fill or kill: fills completely at once or not at all.
    case fok
    /// Post-only (GTX): rejected if it would take liquidity.
    case postOnly = "post_only"
}

/// Limit or market. Market orders are IOC limited by the price band around mark.
public enum OrderKind: String, Sendable, Codable, Hashable {
    case limit
    case market
}

/// Margin mode of a position.
public enum MarginMode: String, Sendable, Codable, Hashable {
    case cross
    case isolated
}

/// A request to place an order, as validated at the platform boundary (on-grid values only).
public struct OrderRequest: Hashable, Sendable, Codable {
    public var account: AccountID
    public var instrument: InstrumentID
    public var side: Side
    public var kind: OrderKind
    /// Limit price; `nil` for market orders.
    public var price: Price?
    public var quantity: Quantity
    public var timeInForce: TimeInForce
    public var reduceOnly: Bool
    /// Caller's tag echoed in events (bots' client order id), 0 when unused.
    public var clientTag: UInt64

    public init(
        account: AccountID, instrument: InstrumentID, side: Side, kind: OrderKind, price: Price?,
        quantity: Quantity, timeInForce: TimeInForce, reduceOnly: Bool = false, clientTag: UInt64 = 0
    ) {
        self.account = account
        self.instrument = instrument
        self.side = side
        self.kind = kind
        self.price = price
        self.quantity = quantity
        self.timeInForce = timeInForce
        self.reduceOnly = reduceOnly
        self.clientTag = clientTag
    }
}
