import MarketEngine
import MarketModel
import Testing

/// One account's open orders, per-instrument order counts, equity and open interest come from
/// state kept with every order and position change (each account's linked list of live orders,
/// running totals); `TestMarket` checks after every command that it equals a recomputation from
/// the books and positions.
@Suite("Account order list")
struct AccountOrderListTests {
    @Test func accountListsOnlyItsLiveOrdersInIdOrderThroughFillsAndCancels() {
        var market = TestMarket(zeroFees: true)
        let alice = market.open(100_000)
        let bob = market.open(100_000)
        let carol = market.open(100_000)
        market.limit(alice, .buy, "49900", "0.010")
        market.limit(bob, .buy, "49950", "0.010")
        market.limit(alice, .sell, "50100", "0.020")
        market.limit(alice, .buy, "49800", "0.030")
        var orders = market.exchange.account(alice)?.openOrders ?? []
        #expect(orders.map(\.price) == [btcPrice("49900"), btcPrice("50100"), btcPrice("49800")])
        #expect(orders.map(\.order) == orders.map(\.order).sorted())
        #expect(market.exchange.openOrderCount(alice, instrument: market.btc) == 3)
        #expect(market.exchange.account(bob)?.openOrders.map(\.price) == [btcPrice("49950")])

        // Bob's bid fills fully, Alice's best bid partly.
        market.market(carol, .sell, "0.015")
        orders = market.exchange.account(alice)?.openOrders ?? []
        #expect(orders.map(\.remaining) == [Quantity(lots: 5), Quantity(lots: 20), Quantity(lots: 30)])
        #expect(market.exchange.account(bob)?.openOrders.isEmpty == true)
        #expect(market.exchange.openOrderCount(bob, instrument: market.btc) == 0)

        // Alice's 49,900 bid fills and leaves; 49,800 fills partly.
        market.market(carol, .sell, "0.010")
        orders = market.exchange.account(alice)?.openOrders ?? []
        #expect(orders.map(\.price) == [btcPrice("50100"), btcPrice("49800")])
        #expect(orders.map(\.remaining) == [Quantity(lots: 20), Quantity(lots: 25)])
        #expect(market.exchange.openOrderCount(alice, instrument: market.btc) == 2)

        _ = market.run(.cancelOrder(account: alice, instrument: market.btc, order: orders[0].order))
        #expect(market.exchange.account(alice)?.openOrders.map(\.price) == [btcPrice("49800")])
        market.limit(alice, .sell, "50200", "0.001")
        market.limit(alice, .sell, "50300", "0.001")
        let cancelled = market.run(.cancelAll(account: alice, instrument: nil))
        var cancelledIDs: [OrderID] = []
        for event in cancelled {
            if case .orderCancelled(_, _, let order, _, _, _) = event { cancelledIDs.append(order) }
        }
        #expect(cancelledIDs.count == 3)
        #expect(cancelledIDs == cancelledIDs.sorted())
        #expect(market.exchange.account(alice)?.openOrders.isEmpty == true)
        #expect(market.exchange.openOrderCount(alice, instrument: market.btc) == 0)
        #expect(market.exchange.openOrderCount(AccountID(999), instrument: market.btc) == 0)
    }

    @Test func equityAndOpenInterestMatchTheFullViews() {
        var market = TestMarket()
        let alice = market.open(10_000)
        let bob = market.open(10_000)
        let carol = market.open(10_000, isolated: true)
        market.limit(bob, .sell, "50000", "0.030")
        market.market(alice, .buy, "0.020")
        market.market(carol, .buy, "0.010")
        #expect(market.exchange.market(market.btc).openInterest == Quantity(lots: 30))
        // Alice sells through flat to short 0.010: longs are Carol's 0.040.
        market.limit(carol, .buy, "49900", "0.040")
        market.market(alice, .sell, "0.030")
        #expect(market.exchange.market(market.btc).openInterest == Quantity(lots: 40))
        // Carol sells 0.010 to Alice, who closes her short.
        market.limit(alice, .buy, "49800", "0.010")
        _ = market.run(.cancelAll(account: carol, instrument: nil))
        market.market(carol, .sell, "0.010")
        #expect(market.exchange.market(market.btc).openInterest == Quantity(lots: 30))
        #expect(market.position(alice) == nil)
        for _ in 0..<5 { _ = market.advance() }
        for account in [alice, bob, carol, AccountID(0)] {
            #expect(market.exchange.equity(of: account) == market.exchange.account(account)?.equity)
        }
        #expect(market.exchange.equity(of: AccountID(999)) == nil)
    }

    @Test func aCopyOfTheExchangeIsIndependentOfTheOriginal() {
        var market = TestMarket(zeroFees: true)
        let alice = market.open(100_000)
        let bob = market.open(100_000)
        market.limit(alice, .buy, "49900", "0.010")
        market.limit(alice, .sell, "50100", "0.010")
        let original = market.exchange
        let hash = original.stateHash()
        // The copy trades, cancels and rests new orders; the original must not see any of it.
        market.market(bob, .sell, "0.010")
        market.limit(bob, .buy, "49800", "0.020")
        _ = market.run(.cancelAll(account: alice, instrument: nil))
        #expect(original.stateHash() == hash)
        #expect(original.account(alice)?.openOrders.map(\.price) == [btcPrice("49900"), btcPrice("50100")])
        #expect(original.account(bob)?.openOrders.isEmpty == true)
        #expect(original.invariantViolations().isEmpty)
        #expect(market.exchange.account(alice)?.openOrders.isEmpty == true)
        #expect(market.exchange.account(bob)?.openOrders.map(\.price) == [btcPrice("49800")])
        // And the original can go on independently of the copy.
        var other = original
        _ = other.apply(.cancelOrder(account: alice, instrument: InstrumentID(0), order: OrderID(1)))
        #expect(other.account(alice)?.openOrders.count == 1)
        #expect(original.account(alice)?.openOrders.count == 2)
        #expect(other.invariantViolations().isEmpty)
    }

    @Test func reduceOnlyOrdersAreInvalidatedInOrderIdOrderAcrossTheAccountsList() {
        var market = TestMarket(zeroFees: true)
        let alice = market.open(100_000)
        let bob = market.open(100_000)
        market.limit(bob, .sell, "50000", "0.030")
        market.market(alice, .buy, "0.030")
        market.limit(alice, .buy, "49000", "0.001")
        market.limit(alice, .sell, "51000", "0.020", reduceOnly: true)
        market.limit(alice, .sell, "51100", "0.010", reduceOnly: true)
        market.limit(alice, .sell, "51200", "0.030", reduceOnly: true)
        // Alice sells 0.015 at market against Bob's bid: her long falls to 0.015, so the 0.020 and
        // 0.030 reduce-only sells no longer fit and are cancelled, oldest first.
        market.limit(bob, .buy, "49950", "0.015")
        let events = market.market(alice, .sell, "0.015")
        var cancelled: [(OrderID, CancelReason)] = []
        for event in events {
            if case .orderCancelled(_, _, let order, _, _, let reason) = event { cancelled.append((order, reason)) }
        }
        #expect(cancelled.map(\.1) == [.reduceOnlyInvalidated, .reduceOnlyInvalidated])
        #expect(cancelled.map(\.0) == cancelled.map(\.0).sorted())
        #expect(market.exchange.account(alice)?.openOrders.map(\.price) == [btcPrice("49000"), btcPrice("51100")])
        #expect(market.exchange.openOrderCount(alice, instrument: market.btc) == 2)
    }
}
