public import MarketModel

/// Public market data of one instrument.
public struct MarketSnapshot: Sendable, Hashable, Codable {
    /// Instrument.
    public var instrument: InstrumentID
    /// Tick.
    public var tick: Int64
    /// Index.
    public var index: Price
    /// Mark.
    public var mark: Price
    /// Last traded price; `nil` before the first trade.
    public var last: Price?
    /// Best bid.
    public var bestBid: Price?
    /// Best ask.
    public var bestAsk: Price?
    /// Predicted funding rate for the running interval (per interval).
    public var fundingRate: Rate
    /// Rate paid at the previous funding tick.
    public var lastFundingRate: Rate
    /// The tick at whose start the next funding is paid.
    public var nextFundingTick: Int64
    /// Σ of long position sizes.
    public var openInterest: Quantity
    /// Cumulative traded quantity.
    public var volume: Quantity
    /// Most recent trades, oldest first.
    public var recentTrades: [Trade]
}
