import MarketModel

/// One aggregated price level.
public struct BookLevel: Sendable, Hashable, Codable {
    public var price: Price
    public var quantity: Quantity
    public init(price: Price, quantity: Quantity) {
        self.price = price
        self.quantity = quantity
    }
}

/// Aggregated depth of one book, best level first on each side.
public struct BookSnapshot: Sendable, Hashable, Codable {
    public var instrument: InstrumentID
    public var bids: [BookLevel]
    public var asks: [BookLevel]
    public init(instrument: InstrumentID, bids: [BookLevel], asks: [BookLevel]) {
        self.instrument = instrument
        self.bids = bids
        self.asks = asks
    }
}
