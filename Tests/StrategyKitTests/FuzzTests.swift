import Foundation
import MarketModel
import StrategyKit
import StrategyTestSupport
import Testing

@Suite("Robustness")
struct FuzzTests {
    /// Documents fed to the parser and checker, split over `chunks` concurrent tasks.
    static let documentCount = 100_000
    static let chunks = 2

    /// What one chunk saw.
    struct Tally: Sendable {
        var accepted = 0
        var rejected = 0
        var evaluated = 0
        var problems: [String] = []
    }

    @Test("100 000 generated and mutated documents: no crash, no hang, every rejection located")
    func fuzz() async throws {
        let seeds = try Fixtures.seedNames.map { name in
            FuzzGenerator.compact(
                try String(
                    contentsOf: Fixtures.root.appendingPathComponent("Seeds/strategies/\(name)/strategy.yaml"),
                    encoding: .utf8))
        }
        let started = ContinuousClock.now
        let tallies = await withTaskGroup(of: Tally.self) { group in
            for chunk in 0..<Self.chunks {
                group.addTask { Self.run(chunk: chunk, count: Self.documentCount / Self.chunks, seeds: seeds) }
            }
            var all: [Tally] = []
            for await tally in group { all.append(tally) }
            return all
        }
        let elapsed = ContinuousClock.now - started
        let accepted = tallies.reduce(0) { $0 + $1.accepted }
        let rejected = tallies.reduce(0) { $0 + $1.rejected }
        let problems = tallies.flatMap(\.problems)
        #expect(problems.count == 0, "\(problems.count) problems, e.g. \(problems.prefix(5))")
        #expect(accepted + rejected == Self.documentCount)
        #expect(accepted > 200, "the generator should produce some valid documents")
        #expect(rejected > 10_000)
        #expect(tallies.reduce(0) { $0 + $1.evaluated } > 0)
        #expect(elapsed < .seconds(300), "took \(elapsed): something is close to hanging")
        print("fuzz: \(accepted) accepted, \(rejected) rejected in \(elapsed)")
    }

    static func run(chunk: Int, count: Int, seeds: [String]) -> Tally {
        var generator = FuzzGenerator(seed: 0x5EED &+ UInt64(chunk) &* 0x1_0000_0001)
        var tally = Tally()
        for index in 0..<count {
            let text: String
            switch index % 10 {
            case 0...3: text = generator.document()
            case 4...7: text = generator.mutate(generator.chance(50) ? generator.pick(seeds) : generator.document())
            case 8: text = generator.mutate(generator.mutate(generator.pick(seeds)))
            default: text = index % 20 == 9 ? generator.pathological() : generator.document()
            }
            do {
                let document = try StrategyDocument.parse(yaml: text, fileName: "fuzz.yaml")
                let strategy = try StrategyChecker.check(document, limits: .standard)
                tally.accepted += 1
                if strategy.costBound > CheckLimits.standard.maxStepsPerTick {
                    tally.problems.append("cost bound above the limit accepted")
                }
                if tally.accepted % 25 == 0 { evaluate(strategy, seed: UInt64(index), into: &tally) }
            } catch {
                tally.rejected += 1
                located(error, text: text, into: &tally)
            }
        }
        return tally
    }

    /// Every rejection must carry at least one diagnostic inside the document.
    static func located(_ error: StrategyError, text: String, into tally: inout Tally) {
        if error.diagnostics.isEmpty { tally.problems.append("rejection without a diagnostic") }
        var breaks = 0
        for scalar in text.unicodeScalars where "\n\r\u{85}\u{2028}\u{2029}".unicodeScalars.contains(scalar) {
            breaks += 1
        }
        for diagnostic in error.diagnostics {
            if diagnostic.line < 1 || diagnostic.line > breaks + 1 || diagnostic.column < 1 {
                tally.problems.append(
                    "\(diagnostic.line):\(diagnostic.column) outside the document: \(diagnostic.message)")
            }
            if diagnostic.message.isEmpty || diagnostic.file != "fuzz.yaml" {
                tally.problems.append("diagnostic without message or file")
            }
        }
    }

    static func evaluate(_ strategy: CheckedStrategy, seed: UInt64, into tally: inout Tally) {
        guard var evaluator = try? StrategyEvaluator(strategy: strategy, instruments: [.btcPerp, .ethPerp]) else {
            tally.problems.append("a checked strategy could not be evaluated")
            return
        }
        tally.evaluated += 1
        var market = SyntheticMarket(configuration: .init(seed: seed))
        for _ in 0..<20 {
            let output = evaluator.step(market.input())
            if output.stepsUsed > strategy.costBound { tally.problems.append("steps above the cost bound") }
            market.apply(output)
            market.advance()
        }
    }
}
