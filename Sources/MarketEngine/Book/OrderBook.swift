/// The central limit order book of one instrument.
struct OrderBook: Sendable {
    var bids = BookSide()
    var asks = BookSide()

    /// Best bid price in ticks.
    var bestBid: Int64? { bids.bestKey }
    /// Best ask price in ticks.
    var bestAsk: Int64? { asks.bestKey.map { -$0 } }
}
