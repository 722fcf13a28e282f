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
    /// Most recent trades, oldest first (at most `MarketConfiguration.recentTradesKept`).
    public var recentTrades: [Trade]
    /// Trades during the last closed tick (the commands of that tick and its close): what an
    /// observation taken between two ticks has not seen yet. When larger than
    /// `recentTrades.count`, the oldest of them are no longer kept.
    public var tradesLastTick: Int = 0

    /// The trades of the last closed tick that are still kept, oldest first, and whether some
    /// were dropped (more trades than `recentTradesKept`, or than `limit`).
    public func tradesOfLastTick(limit: Int = Int.max) -> (trades: ArraySlice<Trade>, truncated: Bool) {
        let available = min(tradesLastTick, recentTrades.count, max(0, limit))
        return (recentTrades.suffix(available), available < tradesLastTick)
    }
}
