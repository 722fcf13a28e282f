import MarketEngine
import MarketModel
import Testing

/// The engine's book against `NaiveBook` over 100,000+ seeded random commands: every accept,
/// reject, trade and cancel must agree, and the aggregated depth must match throughout.
@Suite("Order book differential")
struct BookDifferentialTests {
    static func normalise(_ events: [MarketEvent]) -> [NaiveBook.Event] {
        events.compactMap { event in
            switch event {
            case .orderAccepted(let order, _): return .accepted(order.rawValue)
            case .orderRejected(_, _, let reason): return .rejected(reason.rawValue)
            case .commandRejected(_, let reason): return .rejected(reason.rawValue)
            case .trade(let trade):
                return .trade(
                    maker: trade.makerOrder.rawValue, taker: trade.takerOrder.rawValue, price: trade.price.ticks,
                    lots: trade.quantity.lots)
            case .orderCancelled(_, _, let order, _, let remaining, let reason):
                return .cancelled(order: order.rawValue, remaining: remaining.lots, reason: reason.rawValue)
            default: return nil
            }
        }
    }

    @Test(arguments: [UInt64(1), 2])
    func engineMatchesNaiveBook(seed: UInt64) {
        var spec = InstrumentSpec.btcPerp
        spec.marginTiers = [
            MarginTier(
                notionalCap: .usdt(90_000_000_000), maxLeverage: 50,
                maintenanceRate: Rate(units: 400_000), maintenanceAmount: .zero)
        ]
        let mark: Int64 = 500_000
        var configuration = MarketConfiguration(
            instruments: [spec], background: .quiet(startPrices: [Price(ticks: mark)]))
        configuration.maxOpenOrdersPerAccount = 10_000
        var exchange = Exchange(configuration: configuration, seed: seed)
        var naive = NaiveBook()
        var generator = SeededGenerator(seed: seed, stream: 99)
        var accounts: [AccountID] = []
        for _ in 0..<8 {
            if case .accountOpened(let id, _)? = exchange.apply(.openAccount(deposit: .usdt(100_000_000))).first {
                accounts.append(id)
            }
        }
        let instrument = InstrumentID(0)
        var buffer: [MarketEvent] = []
        var mismatches = 0
        var trades = 0
        var selfTrades = 0
        let commands = 50_000
        for step in 0..<commands {
            let pick = Int(generator.upTo(Int64(accounts.count - 1)))
            let account = accounts[pick]
            let roll = generator.upTo(99)
            let side: Side = generator.next() & 1 == 0 ? .buy : .sell
            let lots = 1 + generator.upTo(generator.chance(10_000_000) ? 3_000 : 300)
            let price = mark - 40 + generator.upTo(80)
            var expected: [NaiveBook.Event]
            let command: MarketCommand
            switch roll {
            case 0..<45, 45..<55, 55..<65, 65..<70:
                let tif: TimeInForce = roll < 45 ? .gtc : roll < 55 ? .postOnly : roll < 65 ? .ioc : .fok
                command = .placeOrder(
                    OrderRequest(
                        account: account, instrument: instrument, side: side, kind: .limit,
                        price: Price(ticks: price), quantity: Quantity(lots: lots), timeInForce: tif))
                expected = naive.place(account: account.rawValue, side: side, limit: price, lots: lots, tif: tif)
            case 70..<80:
                command = .placeOrder(
                    OrderRequest(
                        account: account, instrument: instrument, side: side, kind: .market,
                        price: nil, quantity: Quantity(lots: lots), timeInForce: .ioc))
                let limit = side == .buy ? mark + mark / 20 : mark - mark / 20
                expected = naive.place(account: account.rawValue, side: side, limit: limit, lots: lots, tif: .ioc)
            case 80..<98:
                let mine = naive.orders.filter { $0.account == account.rawValue }
                let id =
                    mine.isEmpty || generator.chance(5_000_000)
                    ? naive.nextID + 5 : mine[Int(generator.upTo(Int64(mine.count - 1)))].id
                command = .cancelOrder(account: account, instrument: instrument, order: OrderID(id))
                expected = naive.cancel(account: account.rawValue, id: id)
            default:
                command = .cancelAll(account: account, instrument: nil)
                expected = naive.cancelAll(account: account.rawValue)
            }
            buffer.removeAll(keepingCapacity: true)
            exchange.apply(command, into: &buffer)
            let actual = Self.normalise(buffer)
            for event in actual {
                if case .trade = event { trades += 1 }
                if case .cancelled(_, _, "self_trade_prevention") = event { selfTrades += 1 }
            }
            if actual != expected {
                mismatches += 1
                if mismatches <= 3 { Issue.record("step \(step) \(command): engine \(actual) vs naive \(expected)") }
            }
            if step % 500 == 0 || step == commands - 1 {
                let book = exchange.book(instrument, depth: 10_000)
                let bids = book.bids.map { ($0.price.ticks, $0.quantity.lots) }
                let asks = book.asks.map { ($0.price.ticks, $0.quantity.lots) }
                #expect(bids.elementsEqual(naive.levels(.buy), by: ==), "bids differ at step \(step)")
                #expect(asks.elementsEqual(naive.levels(.sell), by: ==), "asks differ at step \(step)")
                let problems = exchange.invariantViolations()
                #expect(problems.isEmpty, "step \(step): \(problems)")
            }
        }
        #expect(mismatches == 0)
        #expect(trades > 10_000)
        #expect(selfTrades > 100)
    }
}
