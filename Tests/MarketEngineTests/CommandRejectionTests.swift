import MarketEngine
import MarketModel
import Testing

/// Every refusal is a typed event with a readable reason.
@Suite("Rejections")
struct CommandRejectionTests {
    func reason(_ events: [MarketEvent]) -> String? {
        for event in events {
            if case .orderRejected(_, _, let reason) = event { return reason.rawValue }
            if case .commandRejected(_, let reason) = event { return reason.rawValue }
        }
        return nil
    }

    @Test func orderBoundaryRejections() {
        var market = TestMarket()
        let alice = market.open(10_000)
        let btc = market.btc
        func place(_ request: OrderRequest) -> String? { reason(market.run(.placeOrder(request))) }
        #expect(
            place(
                OrderRequest(
                    account: AccountID(999), instrument: btc, side: .buy, kind: .limit, price: Price(ticks: 500_000),
                    quantity: Quantity(lots: 1), timeInForce: .gtc)) == "unknown_account")
        #expect(
            place(
                OrderRequest(
                    account: AccountID(0), instrument: btc, side: .buy, kind: .limit, price: Price(ticks: 500_000),
                    quantity: Quantity(lots: 1), timeInForce: .gtc)) == "house_account")
        #expect(
            place(
                OrderRequest(
                    account: alice, instrument: InstrumentID(5), side: .buy, kind: .limit, price: Price(ticks: 500_000),
                    quantity: Quantity(lots: 1), timeInForce: .gtc)) == "unknown_instrument")
        #expect(
            place(
                OrderRequest(
                    account: alice, instrument: btc, side: .buy, kind: .limit, price: Price(ticks: 500_000),
                    quantity: Quantity(lots: 0), timeInForce: .gtc)) == "invalid_quantity")
        #expect(
            place(
                OrderRequest(
                    account: alice, instrument: btc, side: .buy, kind: .limit, price: nil,
                    quantity: Quantity(lots: 1), timeInForce: .gtc)) == "invalid_price")
        #expect(
            place(
                OrderRequest(
                    account: alice, instrument: btc, side: .buy, kind: .market, price: Price(ticks: 1),
                    quantity: Quantity(lots: 1), timeInForce: .ioc)) == "invalid_price")
        #expect(
            place(
                OrderRequest(
                    account: alice, instrument: btc, side: .buy, kind: .market, price: nil,
                    quantity: Quantity(lots: 1), timeInForce: .postOnly)) == "invalid_time_in_force")
        // Band ±5 % around mark 50,000: 52,500 is inside, 52,500.1 is not.
        #expect(
            place(
                OrderRequest(
                    account: alice, instrument: btc, side: .sell, kind: .limit, price: Price(ticks: 525_000),
                    quantity: Quantity(lots: 1), timeInForce: .gtc)) == nil)
        #expect(
            place(
                OrderRequest(
                    account: alice, instrument: btc, side: .sell, kind: .limit, price: Price(ticks: 525_001),
                    quantity: Quantity(lots: 1), timeInForce: .gtc)) == "price_outside_band")
        // Min notional 5 USDT: 0.001 BTC at 4,999.9 would be 4.9999 (and outside the band).
        var cheap = TestMarket(price: 40_000)
        let bob = cheap.open(10_000)
        #expect(reason(cheap.limit(bob, .buy, "4000", "0.001")) == "below_min_notional")
    }

    @Test func accountCommandRejections() {
        var market = TestMarket()
        let alice = market.open(1_000)
        let btc = market.btc
        #expect(
            reason(market.run(.setLeverage(account: alice, instrument: btc, leverage: 0))) == "leverage_out_of_range")
        #expect(
            reason(market.run(.setLeverage(account: alice, instrument: btc, leverage: 51))) == "leverage_out_of_range")
        #expect(
            reason(market.run(.cancelOrder(account: alice, instrument: btc, order: OrderID(77)))) == "unknown_order")
        #expect(reason(market.run(.deposit(account: alice, amount: .zero))) == "invalid_amount")
        #expect(reason(market.run(.deposit(account: alice, amount: .usdt(-1_001)))) == "insufficient_margin")
        #expect(reason(market.run(.deposit(account: alice, amount: .usdt(-1_000)))) == nil)
        #expect(reason(market.run(.openAccount(deposit: .usdt(-1)))) == "invalid_amount")
        _ = market.run(.deposit(account: alice, amount: .usdt(1_000)))
        #expect(reason(market.limit(alice, .buy, "49000", "0.001")) == nil)
        #expect(
            reason(market.run(.setMarginMode(account: alice, instrument: btc, mode: .isolated))) == "margin_mode_locked"
        )
    }

    @Test func tooManyOpenOrders() {
        var market = TestMarket { $0.maxOpenOrdersPerAccount = 2 }
        let alice = market.open(100_000)
        #expect(reason(market.limit(alice, .buy, "49000", "0.001")) == nil)
        #expect(reason(market.limit(alice, .buy, "49001", "0.001")) == nil)
        #expect(reason(market.limit(alice, .buy, "49002", "0.001")) == "too_many_open_orders")
        // IOC orders never rest, so they are not limited.
        #expect(reason(market.limit(alice, .buy, "49002", "0.001", tif: .ioc)) == nil)
        _ = market.run(.cancelAll(account: alice, instrument: nil))
        #expect(market.exchange.account(alice)?.openOrders.isEmpty == true)
    }

    @Test func closeOutFlattens() {
        var market = TestMarket()
        let alice = market.open(10_000)
        let mm = market.open(1_000_000)
        market.limit(mm, .sell, "50000", "0.1")
        market.limit(alice, .buy, "50000", "0.1")
        market.limit(alice, .buy, "49000", "0.1")
        market.limit(mm, .buy, "49990", "1")
        let events = market.run(.closeOut(account: alice))
        #expect(
            events.contains {
                if case .orderCancelled(_, _, _, _, _, .closeOut) = $0 { return true } else { return false }
            })
        #expect(market.exchange.account(alice)?.positions.isEmpty == true)
        #expect(market.exchange.account(alice)?.openOrders.isEmpty == true)
    }
}
