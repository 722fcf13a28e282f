import Foundation
import MarketModel
import StrategyKit
import StrategyTestSupport
import Testing

/// The Swift example of docs/STRATEGY-LANGUAGE.md ("Hosting a strategy"), compiled and run.
@Suite("Host integration example")
struct HostIntegrationExampleTests {
    @Test("the documented host loop runs a seed bundle and yields engine commands")
    func documentedLoop() throws {
        let bundlePath = Fixtures.root.appendingPathComponent("Seeds/strategies/breakout").path
        var commands: [MarketCommand] = []
        // --- begin docs example ---
        let document = try StrategyDocument.load(path: bundlePath)
        let strategy = try StrategyChecker.check(
            document,
            limits: CheckLimits(
                maxLookback: 2_000, maxStepsPerTick: 20_000, instruments: [.btcPerp, .ethPerp]))
        var evaluator = try StrategyEvaluator(strategy: strategy, instruments: [.btcPerp, .ethPerp])
        var market = SyntheticMarket()
        for _ in 0..<1_000 {
            let output = evaluator.step(market.input())
            for action in output.actions {
                _ = action.command(account: AccountID(7))  // a MarketCommand for the engine
            }
            market.apply(output)
            market.advance()
        }
        // --- end docs example ---
        var replay = try StrategyEvaluator(strategy: strategy, instruments: [.btcPerp, .ethPerp])
        var again = SyntheticMarket()
        for _ in 0..<1_000 {
            let output = replay.step(again.input())
            commands += output.actions.map { $0.command(account: AccountID(7)) }
            again.apply(output)
            again.advance()
        }
        let orders = commands.compactMap { command -> OrderRequest? in
            if case .placeOrder(let request) = command { return request }
            return nil
        }
        #expect(!orders.isEmpty)
        #expect(orders.allSatisfy { $0.account == AccountID(7) && $0.quantity.lots > 0 })
        #expect(commands.contains(.setLeverage(account: AccountID(7), instrument: InstrumentID(0), leverage: 4)))
    }
}
