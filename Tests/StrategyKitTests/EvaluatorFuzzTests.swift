import Foundation
import MarketModel
import StrategyKit
import Testing

/// The runner evaluates `rules` strategies in its own process, so the evaluator must be total:
/// for any document the checker accepts and any input the host can build, `step` returns (it
/// may exceed its budget or produce nonsense orders the engine rejects) and never traps. A
/// trap would crash the test process, so reaching the end is the assertion.
@Suite("Evaluator totality")
struct EvaluatorFuzzTests {
    static let documents = 6_000
    static let ticksPerStrategy = 40

    @Test("accepted generated and mutated documents survive extreme inputs without a trap")
    func extremeInputs() throws {
        let seeds = try Fixtures.seedNames.map { name in
            FuzzGenerator.compact(
                try String(
                    contentsOf: Fixtures.root.appendingPathComponent("Seeds/strategies/\(name)/strategy.yaml"),
                    encoding: .utf8))
        }
        var generator = FuzzGenerator(seed: 0xE7A1_0A7E)
        var evaluated = 0
        var steps = 0
        var budgetHits = 0
        let limits = CheckLimits(
            maxLookback: 10_000, maxStepsPerTick: 1_000_000, instruments: [.btcPerp, .ethPerp], maxOrdersPerTick: 20)
        for index in 0..<Self.documents {
            let text: String
            switch index % 4 {
            case 0: text = generator.document()
            case 1: text = generator.mutate(generator.pick(seeds))
            case 2: text = generator.pick(seeds)
            default: text = generator.mutate(generator.document())
            }
            guard let document = try? StrategyDocument.parse(yaml: text, fileName: "fuzz.yaml"),
                let strategy = try? StrategyChecker.check(document, limits: limits),
                var evaluator = try? StrategyEvaluator(strategy: strategy, instruments: [.btcPerp, .ethPerp])
            else { continue }
            evaluated += 1
            for tick in 0..<Self.ticksPerStrategy {
                let output = evaluator.step(Self.input(tick: Int64(tick), &generator))
                steps += output.stepsUsed
                if output.budgetExceeded { budgetHits += 1 }
                #expect(output.stepsUsed <= evaluator.stepBudget + 64)
            }
        }
        #expect(evaluated > 1_000, "only \(evaluated) documents were evaluated")
        print(
            "evaluator fuzz: \(evaluated) strategies × \(Self.ticksPerStrategy) ticks, \(steps) steps, budget hit \(budgetHits)×"
        )
    }

    @Test("huge, deeply nested and overflowing documents are errors, not traps")
    func pathologicalDocuments() {
        let deep =
            "name: deep\nrules:\n  - when: " + String(repeating: "(", count: 5_000) + "1"
            + String(repeating: ")", count: 5_000) + " > 0\n    then: [{ cancel_all: {} }]\n"
        let long = "name: long\nlet:\n" + (0..<20_000).map { "  v\($0): \($0)\n" }.joined()
        let wide =
            "name: wide\nrules:\n  - when: " + (0..<3_000).map { _ in "mark" }.joined(separator: " + ")
            + " > 0\n    then: [{ cancel_all: {} }]\n"
        let numbers = "name: n\nlet:\n  a: 99999999999999999999999999999\n  b: 1e308 * 1e308\n  c: 1 / 0\n"
        for text in [
            deep, long, wide, numbers, String(repeating: "[", count: 100_000), String(repeating: "a: ", count: 50_000),
        ] {
            let accepted = (try? StrategyDocument.parse(yaml: text, fileName: "p.yaml")).flatMap {
                try? StrategyChecker.check($0, limits: .standard)
            }
            if var evaluator = accepted.flatMap({
                try? StrategyEvaluator(strategy: $0, instruments: [.btcPerp, .ethPerp])
            }) {
                var generator = FuzzGenerator(seed: 1)
                for tick in 0..<10 { _ = evaluator.step(Self.input(tick: Int64(tick), &generator)) }
            }
        }
    }

    /// An input with values at and near the limits of their types, zeros and negatives.
    static func input(tick: Int64, _ generator: inout FuzzGenerator) -> StrategyInput {
        func int64() -> Int64 {
            switch generator.below(8) {
            case 0: return 0
            case 1: return Int64.max
            case 2: return Int64.min
            case 3: return -1
            case 4: return Int64(generator.below(1_000_000))
            case 5: return Int64.max / Int64(generator.below(1_000) + 1)
            default: return Int64(generator.below(10_000_000)) &- 5_000_000
            }
        }
        func price() -> Price? { generator.chance(10) ? nil : Price(ticks: int64()) }
        let markets = (0..<2).map { _ in
            MarketView(
                mark: Price(ticks: int64()), index: Price(ticks: int64()), last: price(), bestBid: price(),
                bestAsk: price(), bidSize: Quantity(lots: int64()), askSize: Quantity(lots: int64()),
                volume: Quantity(lots: int64()), fundingRate: Rate(units: int64()), ticksToFunding: int64(),
                openInterest: Quantity(lots: int64()),
                bookImbalance: generator.chance(50) ? nil : Rate(units: int64()))
        }
        let positions = (0..<2).map { _ in
            PositionView(
                size: Quantity(lots: int64()), entryPrice: price(), unrealizedPnL: Money(units: int64()),
                liquidationPrice: price(), openOrders: generator.below(40))
        }
        return StrategyInput(
            tick: generator.chance(5) ? int64() : tick, markets: markets,
            account: AccountView(
                equity: Money(units: int64()), balance: Money(units: int64()), marginRatio: Rate(units: int64()),
                positions: positions))
    }
}
