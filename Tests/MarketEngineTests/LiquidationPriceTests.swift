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

@Suite("Liquidation trigger and process")
struct LiquidationProcessTests {
    /// The trigger fires exactly at the published (rounded) liquidation price, not a tick before.
    @Test(arguments: [(Int64(251_006), false), (Int64(251_005), true)])
    func triggersAtPublishedPriceToTheTick(mark: Int64, liquidated: Bool) {
        var market = TestMarket(zeroFees: true) { configuration in
            configuration.background.instruments[0].priceModel = .path([
                PricePoint(index: Price(ticks: 500_000), mark: Price(ticks: 500_000)),
                PricePoint(index: Price(ticks: mark), mark: Price(ticks: mark)),
            ])
        }
        let alice = market.open(500, leverage: 20)
        let mm = market.open(1_000_000)
        market.limit(mm, .sell, "50000", "0.02")
        market.limit(alice, .buy, "50000", "0.02")
        let events = market.advance()
        let fired = events.contains { if case .liquidation = $0 { return true } else { return false } }
        #expect(fired == liquidated)
    }

    /// Clearance fee 0.5 % on the book-filled part (0.005 BTC at 25,050 = 125.25 → 0.62625) goes
    /// to the fund; alice ends at 500 − 124.75 − 375 − 0.62625 = −0.37625 with nothing open, which
    /// the fund covers: alice 0, fund +0.62625 − 0.37625 = +0.25.
    @Test func clearanceFeeAndNegativeBalanceCover() {
        var market = TestMarket(zeroFees: true) { configuration in
            configuration.liquidationClearanceFee = Rate(units: 500_000)
            configuration.background.instruments[0].priceModel = .path([
                PricePoint(index: Price(ticks: 500_000), mark: Price(ticks: 500_000)),
                PricePoint(index: Price(ticks: 260_000), mark: Price(ticks: 260_000)),
                PricePoint(index: Price(ticks: 251_000), mark: Price(ticks: 251_000)),
            ])
        }
        let fundBefore = market.exchange.insuranceFundBalance
        let alice = market.open(500, leverage: 20)
        let mm = market.open(1_000_000)
        market.limit(mm, .sell, "50000", "0.02")
        market.limit(alice, .buy, "50000", "0.02")
        _ = market.advance()
        market.limit(mm, .buy, "25050", "0.005")
        let events = market.advance()
        let fees = events.compactMap { event -> Money? in
            if case .trade(let trade) = event, trade.takerAccount == alice { return trade.takerFee }
            return nil
        }
        #expect(fees == [usdt("0.62625")])
        #expect(market.exchange.account(alice)?.balance == .zero)
        #expect(market.exchange.insuranceFundBalance == fundBefore + usdt("0.25"))
        #expect(market.exchange.account(Exchange.insuranceFundAccount)?.positions.first?.size == Quantity(lots: 15))
    }

    /// Isolated: the loss is capped at the position's margin; the cross wallet is untouched.
    @Test func isolatedLiquidationKeepsTheCrossWallet() {
        var market = TestMarket(zeroFees: true) { configuration in
            configuration.background.instruments[0].priceModel = .path([
                PricePoint(index: Price(ticks: 500_000), mark: Price(ticks: 500_000)),
                PricePoint(index: Price(ticks: 451_000), mark: Price(ticks: 451_000)),
            ])
        }
        let alice = market.open(10_000, leverage: 10, isolated: true)
        let mm = market.open(1_000_000)
        market.limit(mm, .sell, "50000", "0.1")
        market.limit(alice, .buy, "50000", "0.1")
        #expect(market.position(alice)?.liquidationPrice == btcPrice("45180.8"))
        let events = market.advance()
        // No bids: the fund takes 0.1 at BP 45,000; alice loses exactly her 500 isolated margin.
        let liquidation = events.first { if case .liquidation = $0 { return true } else { return false } }
        #expect(
            liquidation
                == .liquidation(
                    account: alice, instrument: market.btc, quantity: Quantity(lots: 100),
                    bankruptcyPrice: btcPrice("45000"), bookFilled: .zero, fundTakeover: Quantity(lots: 100)))
        #expect(market.exchange.account(alice)?.balance == usdt("9500"))
        #expect(market.exchange.account(Exchange.insuranceFundAccount)?.positions.first?.size == Quantity(lots: 100))
    }

    /// Cross with two positions (BTC and ETH): the BTC liquidation price accounts for the ETH
    /// position's uPnL and maintenance margin (TMM1, UPNL1 in §7.1).
    @Test func crossLiquidationPriceCountsOtherPositions() {
        var btc = InstrumentSpec.btcPerp
        var eth = InstrumentSpec.ethPerp
        for index in [0, 1] {
            if index == 0 {
                btc.makerFee = .zero
                btc.takerFee = .zero
            } else {
                eth.makerFee = .zero
                eth.takerFee = .zero
            }
        }
        var exchange = Exchange(
            configuration: MarketConfiguration(
                instruments: [btc, eth],
                background: .quiet(startPrices: [Price(ticks: 500_000), Price(ticks: 300_000)])),
            seed: 1)
        func open(_ usdt: Int64) -> AccountID {
            guard case .accountOpened(let id, _)? = exchange.apply(.openAccount(deposit: .usdt(usdt))).first else {
                return AccountID(0)
            }
            return id
        }
        let alice = open(2_000)
        let mm = open(1_000_000)
        func order(_ account: AccountID, _ instrument: UInt16, _ side: Side, _ ticks: Int64, _ lots: Int64) {
            _ = exchange.apply(
                .placeOrder(
                    OrderRequest(
                        account: account, instrument: InstrumentID(instrument), side: side,
                        kind: .limit, price: Price(ticks: ticks), quantity: Quantity(lots: lots),
                        timeInForce: .gtc)))
        }
        order(mm, 0, .sell, 500_000, 100)  // 0.1 BTC @ 50,000
        order(alice, 0, .buy, 500_000, 100)
        order(mm, 1, .buy, 300_000, 100)  // 1 ETH @ 3,000
        order(alice, 1, .sell, 300_000, 100)
        #expect(exchange.invariantViolations().isEmpty)
        // WB 2000, ETH short 1 @ 3000 at mark 3000: UPNL1 = 0, TMM1 = 3000 × 0.004 = 12.
        // LP_BTC = (2000 − 12 + 0 + 0 − 0.1 × 50000)/(0.1 × 0.004 − 0.1) = −3012/−0.0996 = 30240.96…
        // → rounded up to 30241.0.
        let position = exchange.account(alice)?.positions.first { $0.instrument == InstrumentID(0) }
        #expect(position?.liquidationPrice == Price(ticks: 302_410))
        #expect(exchange.exactPrices(alice, InstrumentID(0)).liquidation == Money(decimal: "30240.96385542"))
    }
}
