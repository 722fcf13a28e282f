import Foundation
import MarketModel
import StrategyKit
import StrategyTestSupport
import Testing

/// Every example in docs/STRATEGY-LANGUAGE.md is run here:
/// - a `yaml` block starting `# file: PATH` must be that file (verbatim, or the line alone);
/// - a `yaml` block starting `# error: CODE` must be rejected with that code;
/// - any other `yaml` block must check and run on the synthetic market;
/// - a `text` block after a yaml block is that block's `arena check` output or diagnostic;
/// - a `swift` block must appear verbatim in HostIntegrationExampleTests.swift.
@Suite("Documentation examples")
struct DocsExamplesTests {
    struct Block: Sendable, CustomStringConvertible {
        var language: String
        var body: String
        var line: Int
        var description: String { "\(language) block at docs line \(line)" }
    }

    static let blocks: [Block] = {
        let url = Fixtures.root.appendingPathComponent("docs/STRATEGY-LANGUAGE.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var blocks: [Block] = []
        var current: Block?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") {
                if let block = current {
                    blocks.append(block)
                    current = nil
                } else {
                    current = Block(language: String(line.dropFirst(3)), body: "", line: index + 1)
                }
            } else if current != nil {
                current!.body += line + "\n"
            }
        }
        return blocks
    }()

    /// The document a yaml block stands for.
    static func document(_ block: Block) throws -> String {
        guard block.body.hasPrefix("# file: ") else { return block.body }
        let path = String(block.body.split(separator: "\n")[0].dropFirst("# file: ".count))
        let file = try String(contentsOf: Fixtures.root.appendingPathComponent(path), encoding: .utf8)
        let shown = block.body.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
        if shown.count > 1, !shown[1].isEmpty {
            #expect(String(shown[1]) == file, "\(path) differs from the docs")
        }
        return file
    }

    @Test("the docs have examples of every kind")
    func inventory() {
        let languages = Self.blocks.map(\.language)
        #expect(languages.filter { $0 == "yaml" }.count >= 12)
        #expect(languages.contains("text"))
        #expect(languages.contains("swift"))
        let files = Self.blocks.filter { $0.body.hasPrefix("# file: ") }.map { $0.body.split(separator: "\n")[0] }
        #expect(
            Set(Fixtures.seedNames.map { "# file: Seeds/strategies/\($0)/strategy.yaml" })
                == Set(files.map(String.init)))
    }

    @Test(
        "every yaml example checks, runs, or fails exactly as documented",
        arguments: blocks.filter { $0.language == "yaml" })
    func yamlExample(block: Block) throws {
        let text = try Self.document(block)
        if block.body.hasPrefix("# error: ") {
            let code = String(block.body.split(separator: "\n")[0].dropFirst("# error: ".count))
            let error = try #require(Fixtures.error(text), "\(block) should be rejected")
            #expect(error.code.rawValue == code)
            return
        }
        let strategy = try Fixtures.check(text)
        var evaluator = try StrategyEvaluator(strategy: strategy, instruments: [.btcPerp, .ethPerp])
        var market = SyntheticMarket()
        for _ in 0..<1_500 {
            let output = evaluator.step(market.input())
            #expect(!output.budgetExceeded)
            market.apply(output)
            market.advance()
        }
        #expect(market.fillCount > 0, "\(block) never traded on the synthetic market")
    }

    @Test("shown outputs are what the tools print")
    func outputs() throws {
        for (index, block) in Self.blocks.enumerated() where block.language == "text" {
            let source = try #require(Self.blocks[..<index].last { $0.language == "yaml" })
            let document = try Self.document(source)
            let shown = block.body.trimmingCharacters(in: .newlines)
            if shown.hasPrefix("$ arena check") {
                let report = StrategyCheckReport.check(try Fixtures.parse(document), limits: .standard)
                let printed = shown.split(separator: "\n").dropFirst().joined(separator: "\n")
                #expect(printed == report.summary, "\(block)")
            } else {
                let error = try #require(Fixtures.error(document))
                #expect(shown == error.description, "\(block)")
            }
        }
    }

    @Test("swift examples are compiled and run by HostIntegrationExampleTests")
    func swiftExamples() throws {
        let source = try String(
            contentsOf: Fixtures.root.appendingPathComponent(
                "Tests/StrategyKitTests/HostIntegrationExampleTests.swift"),
            encoding: .utf8)
        let normalized = source.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.joined(
            separator: "\n")
        for block in Self.blocks where block.language == "swift" {
            let body = block.body.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
                .joined(separator: "\n")
            #expect(normalized.contains(body), "\(block) is not in HostIntegrationExampleTests.swift")
        }
    }
}
