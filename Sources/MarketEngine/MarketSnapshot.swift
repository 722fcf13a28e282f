import MarketModel

/// Public market data of one instrument.
public struct MarketSnapshot: Sendable, Hashable, Codable {
    public var instrument: InstrumentID
    public var tick: Int64
    public var index: Price
    public var mark: Price
    /// Last traded price; `nil` before the first trade.
    public var last: Price?
    public var bestBid: Price?
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
