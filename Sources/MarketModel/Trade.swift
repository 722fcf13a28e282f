/// One fill between a resting (maker) order and an incoming (taker) order, at the maker's price.
public struct Trade: Hashable, Sendable, Codable {
    public var instrument: InstrumentID
    public var price: Price
    public var quantity: Quantity
    /// Side of the taker; the maker traded the opposite side.
    public var takerSide: Side
    public var makerAccount: AccountID
    public var makerOrder: OrderID
    public var makerFee: Money
    public var takerAccount: AccountID
    public var takerOrder: OrderID
    public var takerFee: Money

    public init(
        instrument: InstrumentID, price: Price, quantity: Quantity, takerSide: Side, makerAccount: AccountID,
        makerOrder: OrderID, makerFee: Money, takerAccount: AccountID, takerOrder: OrderID, takerFee: Money
    ) {
        self.instrument = instrument
        self.price = price
        self.quantity = quantity
        self.takerSide = takerSide
        self.makerAccount = makerAccount
        self.makerOrder = makerOrder
        self.makerFee = makerFee
        self.takerAccount = takerAccount
        self.takerOrder = takerOrder
        self.takerFee = takerFee
    }
}
