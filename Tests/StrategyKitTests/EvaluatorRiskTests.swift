import MarketModel
import StrategyKit
import StrategyTestSupport
import Testing

@Suite("Evaluator risk and budget")
struct EvaluatorRiskTests {
    @Test("max_position_notional caps orders that add exposure")
    func notionalCap() throws {
        let yaml = Fixtures.document(
            rules: "  - do:\n      - buy: 1\n      - buy: 1", header: "risk: {max_position_notional: 6700}")
        var evaluator = try Fixtures.evaluator(yaml)
        let output = evaluator.step(Fixtures.input(mark: 670_000))
        #expect(Fixtures.orders(output).map(\.quantity) == [Quantity(lots: 100)])
        #expect(output.logs.contains { $0.contains("position cap") })
        let target = Fixtures.document(
            rules: "  - do:\n      - target_position: -5", header: "risk: {max_position_notional: 6700}")
        var targetEvaluator = try Fixtures.evaluator(target)
        #expect(Fixtures.orders(targetEvaluator.step(Fixtures.input())).map(\.quantity) == [Quantity(lots: 100)])
    }

    @Test("max_leverage sets leverage on the first tick and caps exposure by equity")
    func leverage() throws {
        let yaml = Fixtures.document(rules: "  - do:\n      - buy: 10", header: "risk: {max_leverage: 2}")
        var evaluator = try Fixtures.evaluator(yaml)
        let first = evaluator.step(Fixtures.input(equity: .usdt(6_700)))
        #expect(first.actions.first == .setLeverage(InstrumentID(0), 2))
        #expect(Fixtures.orders(first).map(\.quantity) == [Quantity(lots: 200)])
        let second = evaluator.step(Fixtures.input(tick: 1, equity: .usdt(6_700)))
        #expect(second.actions.allSatisfy { if case .setLeverage = $0 { false } else { true } })
    }

    @Test("stop_loss closes the position and blocks new exposure that tick")
    func stopLoss() throws {
        let yaml = Fixtures.document(rules: "  - do:\n      - buy: 0.1", header: "risk: {stop_loss: 0.02}")
        var evaluator = try Fixtures.evaluator(yaml)
        let losing = evaluator.step(Fixtures.input(mark: 650_000, position: 100, entry: 670_000, upnl: .usdt(-200)))
        let orders = Fixtures.orders(losing)
        #expect(orders.count == 1)
        #expect(orders.first?.side == .sell)
        #expect(orders.first?.reduceOnly == true)
        #expect(orders.first?.quantity == Quantity(lots: 100))
        #expect(losing.logs.contains { $0.contains("stop_loss") })
        let fine = evaluator.step(
            Fixtures.input(tick: 1, mark: 668_000, position: 100, entry: 670_000, upnl: .usdt(-20)))
        #expect(Fixtures.orders(fine).map(\.side) == [.buy])
    }

    @Test("max_orders_per_tick drops further orders")
    func orderCap() throws {
        let actions = (0..<6).map { _ in "      - buy: 0.001" }.joined(separator: "\n")
        let yaml = Fixtures.document(rules: "  - do:\n\(actions)", header: "risk: {max_orders_per_tick: 4}")
        var evaluator = try Fixtures.evaluator(yaml)
        let output = evaluator.step(Fixtures.input())
        #expect(Fixtures.orders(output).count == 4)
        #expect(output.logs.contains { $0.contains("max_orders_per_tick") })
    }

    @Test("exceeding the step budget emits no actions and undoes state changes")
    func budget() throws {
        let heavy = (0..<100).map { _ in "1" }.joined(separator: " + ")
        let yaml = Fixtures.document(
            rules: """
                  - do:
                      - set: {count: count + 1}
                      - buy: 0.001
                  - when: tick == 0
                    do:
                      - log: "{\(heavy)}"
                  - do:
                      - log: "count={count}"
                """, header: "state: {count: 0}")
        let strategy = try Fixtures.check(yaml)
        let budget = strategy.costBound - 50
        var evaluator = try StrategyEvaluator(
            strategy: strategy, instruments: [.btcPerp, .ethPerp],
            configuration: EvaluatorConfiguration(stepBudget: budget))
        let heavyTick = evaluator.step(Fixtures.input(tick: 0))
        #expect(heavyTick.budgetExceeded)
        #expect(heavyTick.actions.isEmpty)
        #expect(heavyTick.stepsUsed > budget)
        let lightTick = evaluator.step(Fixtures.input(tick: 1))
        #expect(!lightTick.budgetExceeded)
        #expect(Fixtures.orders(lightTick).count == 1)
        #expect(lightTick.logs == ["count=1"])
    }

    @Test("steps used never exceed the static cost bound")
    func stepsWithinBound() throws {
        let yaml = Fixtures.document(
            rules: """
                  - when: if(mark > index, sma(mark, 5), ema(mark, 7)) > 0 and rsi(mark, 3) >= 0
                    do:
                      - buy:
                          size: max(0.001, abs(change(mark, 2)) / 1000)
                          offset: stdev(mark, 4)
                      - log: "{macd(mark, 3, 6)} {bollinger(mark, 5, 2)}"
                """)
        let strategy = try Fixtures.check(yaml)
        var evaluator = try StrategyEvaluator(strategy: strategy, instruments: [.btcPerp, .ethPerp])
        var market = SyntheticMarket()
        for _ in 0..<300 {
            let output = evaluator.step(market.input())
            #expect(output.stepsUsed <= strategy.costBound)
            market.apply(output)
            market.advance()
        }
    }
}
