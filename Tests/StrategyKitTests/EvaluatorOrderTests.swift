import MarketModel
import StrategyKit
import Testing

@Suite("Evaluator orders")
struct EvaluatorOrderTests {
    @Test("target_position orders the difference from the current position")
    func targetDifference() throws {
        var evaluator = try Fixtures.evaluator(Fixtures.document(rules: "  - do:\n      - target_position: 0.05"))
        let fromFlat = Fixtures.orders(evaluator.step(Fixtures.input(position: 0)))
        #expect(
            fromFlat == [
                OrderIntent(
                    instrument: InstrumentID(0), side: .buy, kind: .market, price: nil,
                    quantity: Quantity(lots: 50), timeInForce: .ioc, reduceOnly: false)
            ])
        let fromLong = Fixtures.orders(evaluator.step(Fixtures.input(tick: 1, position: 80, entry: 670_000)))
        #expect(fromLong.map(\.side) == [.sell])
        #expect(fromLong.map(\.quantity) == [Quantity(lots: 30)])
        #expect(fromLong.map(\.reduceOnly) == [true])
        #expect(Fixtures.orders(evaluator.step(Fixtures.input(tick: 2, position: 50, entry: 670_000))).isEmpty)
        let fromShort = Fixtures.orders(evaluator.step(Fixtures.input(tick: 3, position: -20, entry: 670_000)))
        #expect(fromShort.map(\.quantity) == [Quantity(lots: 70)])
        #expect(fromShort.map(\.reduceOnly) == [false])
    }

    @Test("a later target_position on the same market replaces the earlier one")
    func targetReplaced() throws {
        let rules =
            "  - do:\n      - target_position: 0.05\n  - when: mark > 1\n    do:\n      - target_position: -0.01"
        var evaluator = try Fixtures.evaluator(Fixtures.document(rules: rules))
        let orders = Fixtures.orders(evaluator.step(Fixtures.input()))
        #expect(orders.count == 1)
        #expect(orders.first?.side == .sell)
        #expect(orders.first?.quantity == Quantity(lots: 10))
    }

    @Test("limit prices round away from crossing: buys down, sells up; quantities toward zero")
    func rounding() throws {
        let rules = """
              - do:
                  - buy: {size: 0.0019, price: 67000.19}
                  - sell: {size: 0.0019, price: 67000.11}
                  - buy: {size: 0.1 + 0.2, price: 67000.1 + 0.2}
            """
        var evaluator = try Fixtures.evaluator(Fixtures.document(rules: rules))
        let orders = Fixtures.orders(evaluator.step(Fixtures.input()))
        #expect(orders.map(\.price) == [Price(ticks: 670_001), Price(ticks: 670_002), Price(ticks: 670_003)])
        #expect(orders.map(\.quantity) == [Quantity(lots: 1), Quantity(lots: 1), Quantity(lots: 300)])
        #expect(orders.map(\.kind) == [.limit, .limit, .limit])
        #expect(orders.map(\.timeInForce) == [.gtc, .gtc, .gtc])
    }

    @Test("offsets are measured from mid; post-only and IOC map to the time in force")
    func offsets() throws {
        let rules = """
              - do:
                  - buy: {size: 0.01, offset: 2.5, post_only: true}
                  - sell: {size: 0.01, offset: 2.5, tif: ioc, reduce_only: true}
            """
        var evaluator = try Fixtures.evaluator(Fixtures.document(rules: rules))
        let orders = Fixtures.orders(evaluator.step(Fixtures.input(bid: 669_990, ask: 670_010)))
        #expect(orders.map(\.price) == [Price(ticks: 669_975), Price(ticks: 670_025)])
        #expect(orders.map(\.postOnly) == [true, false])
        #expect(orders.map(\.timeInForce) == [.postOnly, .ioc])
        #expect(orders.map(\.reduceOnly) == [false, true])
    }

    @Test("orders with a size that is not available are skipped with a log line")
    func notAvailable() throws {
        var evaluator = try Fixtures.evaluator(Fixtures.document(rules: "  - do:\n      - buy: entry_price"))
        let output = evaluator.step(Fixtures.input())
        #expect(output.actions.isEmpty)
        #expect(output.logs.contains { $0.contains("skipped") })
    }

    @Test("close flattens with a reduce-only market order; cancel_all and set_leverage name instruments")
    func closeCancelLeverage() throws {
        let rules = "  - do:\n      - close\n      - cancel_all: eth\n      - set_leverage: 7"
        var evaluator = try Fixtures.evaluator(Fixtures.document(rules: rules, markets: "[BTC-PERP, ETH-PERP]"))
        let output = evaluator.step(Fixtures.input(position: -40, entry: 670_000))
        #expect(
            output.actions == [
                .place(
                    OrderIntent(
                        instrument: InstrumentID(0), side: .buy, kind: .market, price: nil,
                        quantity: Quantity(lots: 40), timeInForce: .ioc, reduceOnly: true)),
                .cancelAll(InstrumentID(1)),
                .setLeverage(InstrumentID(0), 7), .setLeverage(InstrumentID(1), 7),
            ])
    }

    @Test("instrument ids follow the host's instrument order, not the document's")
    func instrumentMapping() throws {
        let strategy = try Fixtures.check(Fixtures.document(rules: "  - do:\n      - buy: 0.1", markets: "[ETH-PERP]"))
        var evaluator = try StrategyEvaluator(strategy: strategy, instruments: [.btcPerp, .ethPerp])
        let order = try #require(Fixtures.orders(evaluator.step(Fixtures.input())).first)
        #expect(order.instrument == InstrumentID(1))
        #expect(order.quantity == Quantity(lots: 10))
        #expect(throws: StrategyError.self) { try StrategyEvaluator(strategy: strategy, instruments: [.btcPerp]) }
    }

    @Test("conditions gate rules and state persists across ticks")
    func stateAcrossTicks() throws {
        let yaml = Fixtures.document(
            rules: """
                  - when: count < 2
                    do:
                      - set: {count: count + 1}
                      - buy: 0.001
                """, header: "state: {count: 0}")
        var evaluator = try Fixtures.evaluator(yaml)
        let counts = (0..<4).map { tick in Fixtures.orders(evaluator.step(Fixtures.input(tick: Int64(tick)))).count }
        #expect(counts == [1, 1, 0, 0])
    }

    @Test("log messages interpolate values")
    func logs() throws {
        let yaml = Fixtures.document(rules: "  - do:\n      - log: \"mark={mark} up={mark > index} half={mark / 2}\"")
        var evaluator = try Fixtures.evaluator(yaml)
        #expect(evaluator.step(Fixtures.input(mark: 670_005)).logs == ["mark=67000.5 up=false half=33500.25"])
    }
}
