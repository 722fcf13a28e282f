public import MarketModel

/// One instrument's market data for one tick, as the strategy sees it.
public struct MarketView: Hashable, Sendable, Codable {
    /// Mark price (used for margin and PnL).
    public var mark: Price
    /// Index (spot reference) price.
    public var index: Price
    /// Last trade price; `nil` before the first trade.
    public var last: Price?
    /// Best bid; `nil` when the bid side is empty.
    public var bestBid: Price?
    /// Best ask; `nil` when the ask side is empty.
    public var bestAsk: Price?
    /// Size resting at the best bid (0 when there is none).
    public var bidSize: Quantity
    /// Size resting at the best ask (0 when there is none).
    public var askSize: Quantity
    /// Traded quantity during the last tick.
    public var volume: Quantity
    /// Current (predicted) funding rate per funding interval.
    public var fundingRate: Rate
    /// Ticks until the next funding settlement.
    public var ticksToFunding: Int64
    /// Total open interest (one side).
    public var openInterest: Quantity
    /// Book imbalance in [-1, 1]: (bid depth − ask depth) / (bid depth + ask depth). When `nil` the
    /// evaluator computes it from `bidSize` and `askSize`.
    public var bookImbalance: Rate?

    /// Creates a view; every field but `mark` and `index` has a neutral default.
    public init(
        mark: Price, index: Price, last: Price? = nil, bestBid: Price? = nil, bestAsk: Price? = nil,
        bidSize: Quantity = .zero, askSize: Quantity = .zero, volume: Quantity = .zero, fundingRate: Rate = .zero,
        ticksToFunding: Int64 = 0, openInterest: Quantity = .zero, bookImbalance: Rate? = nil
    ) {
        self.mark = mark
        self.index = index
        self.last = last
        self.bestBid = bestBid
        self.bestAsk = bestAsk
        self.bidSize = bidSize
        self.askSize = askSize
        self.volume = volume
        self.fundingRate = fundingRate
        self.ticksToFunding = ticksToFunding
        self.openInterest = openInterest
        self.bookImbalance = bookImbalance
    }
}
