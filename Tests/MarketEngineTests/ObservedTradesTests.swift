import MarketEngine
import MarketModel
import Testing

/// `MarketSnapshot.tradesOfLastTick()`: what an observation taken between two ticks has not seen
/// yet — the trades of the last closed tick, oldest first, bounded, flagged when truncated.
@Suite("Trades since the previous observation")
struct ObservedTradesTests {
    @Test func lastTickTradesOnlyAndTruncationFlag() {
        var market = TestMarket(zeroFees: true) { $0.recentTradesKept = 4 }
        let maker = market.open(1_000_000)
        let taker = market.open(1_000_000)
        for n in 0..<3 { market.limit(maker, .sell, "\(50_000 + n)", "0.01") }
        for _ in 0..<3 { market.market(taker, .buy, "0.01") }
        _ = market.advance()
        var seen = market.exchange.market(market.btc).tradesOfLastTick()
        #expect(seen.trades.map(\.price.ticks) == [500_000, 500_010, 500_020])
        #expect(!seen.truncated)
        // A quiet tick: the next observation has no trades although `recentTrades` still holds 3.
        _ = market.advance()
        seen = market.exchange.market(market.btc).tradesOfLastTick()
        #expect(seen.trades.isEmpty && !seen.truncated)
        #expect(market.exchange.market(market.btc).recentTrades.count == 3)
        // Six trades in one tick with four kept: the newest four, flagged.
        for n in 0..<6 { market.limit(maker, .sell, "\(50_100 + n)", "0.01") }
        for _ in 0..<6 { market.market(taker, .buy, "0.01") }
        _ = market.advance()
        seen = market.exchange.market(market.btc).tradesOfLastTick()
        #expect(seen.trades.map(\.price.ticks) == [501_020, 501_030, 501_040, 501_050])
        #expect(seen.truncated)
        #expect(market.exchange.market(market.btc).tradesOfLastTick(limit: 2).trades.count == 2)
    }
}
