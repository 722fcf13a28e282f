import Foundation
import MarketModel
import StrategyKit
import StrategyTestSupport
import Testing

@Suite("Seed strategies")
struct SeedStrategyTests {
    @Test("each seed parses, checks and trades on a synthetic market", arguments: Fixtures.seedNames)
    func seedTrades(name: String) throws {
        let path = Fixtures.root.appendingPathComponent("Seeds/strategies/\(name)/strategy.yaml").path
        let document = try StrategyDocument.load(path: path)
        #expect(document.name == name)
        let strategy = try StrategyChecker.check(document, limits: .standard)
        #expect(strategy.costBound > 0)
        #expect(strategy.costBound <= CheckLimits.standard.maxStepsPerTick)
        var evaluator = try StrategyEvaluator(strategy: strategy, instruments: [.btcPerp, .ethPerp])
        var market = SyntheticMarket()
        var placed = 0
        var maxSteps = 0
        for _ in 0..<3_000 {
            let output = evaluator.step(market.input())
            #expect(!output.budgetExceeded)
            placed += Fixtures.orders(output).count
            maxSteps = max(maxSteps, output.stepsUsed)
            market.apply(output)
            market.advance()
        }
        #expect(placed > 0, "\(name) never placed an order")
        #expect(market.fillCount > 0, "\(name) never traded")
        #expect(maxSteps <= strategy.costBound, "steps used exceed the static bound")
    }

    @Test("a seed loads from its bundle directory as well as from the file")
    func loadsBundleDirectory() throws {
        let directory = Fixtures.root.appendingPathComponent("Seeds/strategies/grid").path
        let document = try StrategyDocument.load(path: directory)
        #expect(document.markets.map(\.symbol) == ["ETH-PERP"])
    }

    @Test("evaluation is deterministic: two runs give identical outputs")
    func deterministic() throws {
        func run() throws -> [StrategyOutput] {
            let path = Fixtures.root.appendingPathComponent("Seeds/strategies/market-making").path
            let strategy = try StrategyChecker.check(StrategyDocument.load(path: path), limits: .standard)
            var evaluator = try StrategyEvaluator(strategy: strategy, instruments: [.btcPerp, .ethPerp])
            var market = SyntheticMarket()
            var outputs: [StrategyOutput] = []
            for _ in 0..<500 {
                let output = evaluator.step(market.input())
                outputs.append(output)
                market.apply(output)
                market.advance()
            }
            return outputs
        }
        #expect(try run() == run())
    }
}
