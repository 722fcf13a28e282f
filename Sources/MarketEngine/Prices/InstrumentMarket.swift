import DequeModule
import MarketModel

/// Per-instrument market data: index, mark, last trade, funding accumulators and statistics.
struct InstrumentMarket: Sendable {
    var index: Int64
    var mark: Int64
    /// Last traded price; 0 before the first trade.
    var last: Int64 = 0
    /// Predicted funding rate for the current interval (1e-8, per interval).
    var fundingRate: Int64 = 0
    /// Rate applied at the most recent settlement.
    var lastFundingRate: Int64 = 0
    /// Σ k·P_k and Σ k over premium samples of the current interval (linear weights).
    var premiumWeighted: Int128 = 0
    var premiumWeights: Int64 = 0
    /// Basis samples in half-ticks (bid + ask − 2·index) and their running sum.
    var basis: Deque<Int64> = []
    var basisSum: Int64 = 0
    /// Cumulative traded lots.
    var volume: Int64 = 0
    var recentTrades: Deque<Trade> = []
    /// Trades since the start of the run, at the close of the previous tick, and during the
    /// last closed tick (what an observation taken between ticks has not seen yet).
    var tradeCount: Int64 = 0
    var tradeCountAtTickClose: Int64 = 0
    var tradesLastTick: Int64 = 0
    /// Explicit mark / funding for the current tick, from a `.path` price model.
    var pinnedMark: Int64?
    var pinnedFunding: Int64?

    init(price: Int64) {
        index = price
        mark = price
    }
}
