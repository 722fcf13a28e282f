import Foundation
import MarketModel
import StrategyKit
import Testing

@Suite("Robustness")
struct FuzzTests {
    /// Documents fed to the parser and checker.
    static let documentCount = 100_000

    @Test("100 000 generated and mutated documents: no crash, no hang, every rejection located")
    func fuzz() throws {
        let seeds = try Fixtures.seedNames.map { name in
            FuzzGenerator.compact(try String(
                contentsOf: Fixtures.root.appendingPathComponent("Seeds/strategies/\(name)/strategy.yaml"), encoding: .utf8))
        }
        var generator = FuzzGenerator(seed: 0x5EED)
        var accepted = 0
        var rejected = 0
        var evaluated = 0
        let started = ContinuousClock.now
        for index in 0..<Self.documentCount {
            let text: String
            switch index % 10 {
            case 0...3: text = generator.document()
            case 4...7: text = generator.mutate(generator.chance(50) ? generator.pick(seeds) : generator.document())
            case 8: text = generator.mutate(generator.mutate(generator.pick(seeds)))
            default: text = index % 20 == 9 ? generator.pathological() : generator.document()
            }
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            do {
                let document = try StrategyDocument.parse(yaml: text, fileName: "fuzz.yaml")
                let strategy = try StrategyChecker.check(document, limits: .standard)
                accepted += 1
                #expect(strategy.costBound <= CheckLimits.standard.maxStepsPerTick)
                if accepted % 25 == 0 {
                    evaluated += 1
                    var evaluator = try StrategyEvaluator(strategy: strategy, instruments: [.btcPerp, .ethPerp])
                    var market = SyntheticMarket(configuration: .init(seed: UInt64(index)))
                    for _ in 0..<20 {
                        let output = evaluator.step(market.input())
                        #expect(output.stepsUsed <= strategy.costBound)
                        market.apply(output)
                        market.advance()
                    }
                }
            } catch {
                rejected += 1
                #expect(!error.diagnostics.isEmpty, "rejection without a diagnostic")
                for diagnostic in error.diagnostics {
                    #expect(diagnostic.line >= 1 && diagnostic.line <= max(lineCount, 1) + 1,
                            "line \(diagnostic.line) outside a \(lineCount)-line document: \(diagnostic.message)")
                    #expect(diagnostic.column >= 1)
                    #expect(diagnostic.file == "fuzz.yaml")
                    #expect(!diagnostic.message.isEmpty)
                }
                if error.diagnostics.isEmpty { break }
            }
        }
        let elapsed = ContinuousClock.now - started
        #expect(accepted + rejected == Self.documentCount)
        #expect(accepted > 1_000, "the generator should produce some valid documents")
        #expect(rejected > 10_000)
        #expect(evaluated > 0)
        #expect(elapsed < .seconds(60), "took \(elapsed)")
        print("fuzz: \(accepted) accepted, \(rejected) rejected, \(evaluated) evaluated in \(elapsed)")
    }
}
