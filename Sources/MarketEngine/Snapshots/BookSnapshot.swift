public import MarketModel

/// Aggregated depth of one book, best level first on each side.
public struct BookSnapshot: Sendable, Hashable, Codable {
    /// Instrument.
    public var instrument: InstrumentID
    /// Bids.
    public var bids: [BookLevel]
    /// Asks.
    public var asks: [BookLevel]
    public init(instrument: InstrumentID, bids: [BookLevel], asks: [BookLevel]) {
        self.instrument = instrument
        self.bids = bids
        self.asks = asks
    }
}
