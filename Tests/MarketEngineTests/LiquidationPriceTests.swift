import MarketEngine
import MarketModel
import Testing

@Suite("Liquidation and bankruptcy prices (reference §7.1)")
struct LiquidationPriceTests {
    /// Binance's published example: 500 USDT wallet, 0.02 BTC (1,000 USDT) 20x long at 50,000,
    /// tier 1 (MMR 0.4 %, cum 0): LP = (500 − 1000)/(0.02·0.004 − 0.02) = 25,100.4016…
    /// Published to the tick against the trader (long rounds up): 25,100.5.
    @Test func binanceCrossOfficialExample() {
        var market = TestMarket(zeroFees: true)
        let alice = market.open(500, leverage: 20)
        let bob = market.open(100_000)
        market.limit(bob, .sell, "50000", "0.02")
        market.limit(alice, .buy, "50000", "0.02")
        let position = market.position(alice)
        #expect(position?.size == Quantity(lots: 20))
        #expect(position?.entryValue == usdt("1000"))
        #expect(position?.liquidationPrice == btcPrice("25100.5"))
        let exact = market.exchange.exactPrices(alice, market.btc)
        #expect(exact.liquidation == usdt("25100.40160643"))
        // Bankruptcy: 50,000 − 500/0.02 = 25,000 exactly.
        #expect(position?.bankruptcyPrice == btcPrice("25000"))
    }
}
