import MarketEngine
import MarketModel
import Testing

/// A bot's fill never leaves it with negative equity at mark: the taker stops where it could no
/// longer pay, and a stale resting order picked off after a gap is cancelled instead of filled.
@Suite("Fill solvency")
struct FillSolvencyTests {
    @Test func takerStopsAtTheFillItCannotAfford() {
        var market = TestMarket(zeroFees: true)
        let mm = market.open(1_000_000)
        let alice = market.open(100, leverage: 50)
        market.limit(mm, .sell, "50000", "0.05")
        market.limit(mm, .sell, "52000", "0.05")
        let events = market.market(alice, .buy, "0.1")
        // 0.05 at the mark, then 2 USDT of loss per 0.001 at 52,000: (100 − 2e-8) / 2 → 49 lots.
        #expect(market.position(alice)?.size.lots == 99)
        #expect(
            events.contains {
                if case .orderCancelled(_, _, _, _, let remaining, .insufficientMargin) = $0 {
                    return remaining.lots == 1
                }
                return false
            })
        #expect(market.exchange.account(alice)?.equity == usdt("2"))
    }

    @Test func stalePickedOffOrderIsCancelled() {
        var market = TestMarket(zeroFees: true) {
            $0.background.instruments[0].priceModel = .path([
                PricePoint(index: btcPrice("50000"), mark: btcPrice("50000")),
                PricePoint(index: btcPrice("47000"), mark: btcPrice("47000")),
            ])
        }
        let bob = market.open(100, leverage: 50)
        let carol = market.open(100_000)
        market.limit(bob, .buy, "50000", "0.1", tag: 5)
        _ = market.advance()
        // Mark 47,000: filling bob's bid at 50,000 would cost him 300 of his 100.
        let events = market.market(carol, .sell, "0.1")
        #expect(
            events.contains {
                if case .orderCancelled(_, _, _, 5, _, .insufficientMargin) = $0 { return true }
                return false
            })
        #expect(!events.contains { if case .trade = $0 { return true } else { return false } })
        #expect(market.exchange.account(bob)?.equity == usdt("100"))
    }
}
