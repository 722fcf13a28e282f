import MarketEngine
import MarketModel
import Testing

@Suite("Background market")
struct BackgroundMarketTests {
    /// Runs the standard market for `ticks` ticks, checking invariants periodically.
    static func run(seed: UInt64, ticks: Int) -> (Exchange, [MarketEvent]) {
        var exchange = Exchange(configuration: .standard, seed: seed)
        var events: [MarketEvent] = []
        for t in 0..<ticks {
            exchange.advance(into: &events)
            if t % 250 == 0 {
                let problems = exchange.invariantViolations()
                #expect(problems.isEmpty, "tick \(t): \(problems)")
            }
        }
        return (exchange, events)
    }

    @Test func producesTwoSidedBookAndTrades() {
        let (exchange, events) = Self.run(seed: 7, ticks: 3_000)
        let trades = events.filter { if case .trade = $0 { return true } else { return false } }.count
        #expect(trades > 100)
        for i in 0..<2 {
            let market = exchange.market(InstrumentID(UInt16(i)))
            let bid = market.bestBid?.ticks ?? 0
            let ask = market.bestAsk?.ticks ?? 0
            #expect(bid > 0 && ask > bid)
            // Mark stays near the index.
            let gap = abs(market.mark.ticks - market.index.ticks) * 1_000 / market.index.ticks
            #expect(gap < 10, "mark \(market.mark) index \(market.index)")
        }
        #expect(exchange.invariantViolations().isEmpty)
    }

    @Test func sameSeedSameStream() {
        let (first, firstEvents) = Self.run(seed: 42, ticks: 1_500)
        let (second, secondEvents) = Self.run(seed: 42, ticks: 1_500)
        #expect(first.stateHash() == second.stateHash())
        #expect(firstEvents == secondEvents)
        let (other, _) = Self.run(seed: 43, ticks: 1_500)
        #expect(other.stateHash() != first.stateHash())
    }
}
