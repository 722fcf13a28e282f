import MarketModel

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
