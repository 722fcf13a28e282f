public import MarketModel

/// An order the strategy wants placed, on the instrument's grid.
public struct OrderIntent: Hashable, Sendable, Codable {
    /// The instrument, as its index in the host's instrument list.
    public var instrument: InstrumentID
    /// Buy or sell.
    public var side: Side
    /// Market or limit.
    public var kind: OrderKind
    /// Limit price; `nil` for market orders.
    public var price: Price?
    /// Always positive.
    public var quantity: Quantity
    /// `.ioc` for market orders; `.postOnly` for post-only limits.
    public var timeInForce: TimeInForce
    /// The order may only reduce the position.
    public var reduceOnly: Bool

    /// Creates an intent.
    public init(
        instrument: InstrumentID, side: Side, kind: OrderKind, price: Price?, quantity: Quantity,
        timeInForce: TimeInForce, reduceOnly: Bool
    ) {
        self.instrument = instrument
        self.side = side
        self.kind = kind
        self.price = price
        self.quantity = quantity
        self.timeInForce = timeInForce
        self.reduceOnly = reduceOnly
    }

    /// Post-only (rejected by the engine if it would take liquidity).
    public var postOnly: Bool { timeInForce == .postOnly }

    /// The engine request for this intent on behalf of `account`.
    public func request(account: AccountID, clientTag: UInt64 = 0) -> OrderRequest {
        OrderRequest(
            account: account, instrument: instrument, side: side, kind: kind, price: price, quantity: quantity,
            timeInForce: timeInForce, reduceOnly: reduceOnly, clientTag: clientTag)
    }
}
