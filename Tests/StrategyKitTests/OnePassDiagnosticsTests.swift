import FoundationEssentials
import MarketModel
import StrategyKit
import Testing

/// Strategy diagnostics in one pass: unknown names get "did you mean" before any cost or type
/// message, and every problem of a document — its shape and its rules — is reported together,
/// sorted by position.
@Suite("One-pass diagnostics")
struct OnePassDiagnosticsTests {
    static func report(_ yaml: String) -> StrategyCheckReport {
        StrategyCheckReport.check(yaml: yaml, fileName: "strategy.yaml", limits: .standard)
    }

    @Test("a misspelt parameter in a lookback is an unknown name, not a non-constant lookback")
    func misspeltLookback() throws {
        let yaml = Fixtures.document(
            rules: "  - when: ema(mark, fast) > ema(mark, slwo)\n    do: [close]",
            header: "params: {fast: 10, slow: 30}")
        let report = Self.report(yaml)
        #expect(!report.ok)
        #expect(report.errorCode == .unknownName)
        let diagnostic = try #require(report.diagnostics.first)
        #expect(report.diagnostics.count == 1, "\(report.diagnostics)")
        #expect(diagnostic.message == "unknown name 'slwo'")
        #expect(diagnostic.suggestion == "did you mean 'slow'?")
        #expect(diagnostic.offendingText == "slwo")
        #expect(diagnostic.column == "  - when: ema(mark, fast) > ema(mark, ".count + 1)
        #expect(!report.diagnostics.contains { $0.message.contains("constant") })
        // The two-step API agrees.
        let error = try #require(Fixtures.error(yaml))
        #expect(error.diagnostics.map(\.message) == ["unknown name 'slwo'"])
    }

    @Test(
        "unknown names in every constant position come first",
        arguments: [
            ("  - when: mark > sma(mark, lenght)\n    do: [close]", "length", "lenght"),
            ("  - when: mark > bollinger_upper(mark, length, wdth)\n    do: [close]", "width", "wdth"),
            ("  - when: mark > sma(mark, btc.mrk)\n    do: [close]", "mark", "mrk"),
            ("  - when: mark > sma(mark, smaa(mark, 3))\n    do: [close]", "sma", "smaa"),
        ])
    func unknownNamesInConstants(rules: String, suggestion: String, name: String) throws {
        let yaml = Fixtures.document(rules: rules, header: "params: {length: 20, width: 2}")
        let report = Self.report(yaml)
        #expect(!report.ok)
        #expect(report.diagnostics.allSatisfy { $0.message.hasPrefix("unknown ") }, "\(report.diagnostics)")
        #expect(
            report.diagnostics.contains { $0.offendingText == name && $0.suggestion == "did you mean '\(suggestion)'?" }
        )
    }

    @Test("a misspelt name in a state's initial value is reported as a misspelling")
    func stateInitialValue() throws {
        let yaml = Fixtures.document(rules: "  - do: [close]", header: "params: {start: 3}\nstate: {count: strat}")
        let report = Self.report(yaml)
        #expect(report.diagnostics.map(\.message) == ["unknown name 'strat'"], "\(report.diagnostics)")
        #expect(report.diagnostics.first?.suggestion == "did you mean 'start'?")
        let constant = Self.report(Fixtures.document(rules: "  - do: [close]", header: "state: {count: mark}"))
        #expect(constant.diagnostics.first?.message.contains("must be a constant") == true)
    }

    @Test("schema and expression problems are reported together, sorted by position")
    func allProblemsTogether() throws {
        let yaml = """
            name: together
            runtime: rules
            markets: [BTC-PERP]
            params: {slow: 30}
            let:
              trend: ema(mark, slwo) - mark
            rules:
              - when: trend > 0 and mark > smaa(mark, 5)
                do: [close]
                then: [close]
              - when: mark >
                do: [close]
            risk:
              max_levrage: 3
            """
        let report = Self.report(yaml)
        #expect(!report.ok)
        let lines = report.diagnostics.map(\.line)
        #expect(lines == lines.sorted(), "sorted by position: \(report.diagnostics)")
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains("unknown name 'slwo'"), "\(messages)")
        #expect(messages.contains("unknown function 'smaa'"), "\(messages)")
        #expect(messages.contains("unknown rule key 'then'"), "\(messages)")
        #expect(messages.contains("unknown risk setting 'max_levrage'"), "\(messages)")
        #expect(report.diagnostics.contains { $0.line == 11 }, "the malformed expression: \(messages)")
        #expect(report.diagnostics.count == 5, "\(messages)")
        #expect(report.errorCode == .unknownName, "the category of the first problem")
    }

    @Test("a problem found twice is reported once")
    func noDuplicates() throws {
        let report = Self.report(
            Fixtures.document(rules: "  - when: ema(mark, slwo) > ema(mark, slwo) + slwo\n    do: [close]"))
        let positions = report.diagnostics.map { "\($0.line):\($0.column)" }
        #expect(Set(positions).count == positions.count, "\(report.diagnostics)")
        #expect(report.diagnostics.count == 3)
    }

    @Test("valid documents still check, with their cost bound")
    func validDocuments() throws {
        for name in Fixtures.seedNames {
            let path = Fixtures.root.appendingPathComponent("Seeds/strategies/\(name)").path
            let report = StrategyCheckReport.check(path: path, limits: .standard)
            #expect(report.ok, "\(name): \(report.diagnostics)")
            #expect(report.costBound != nil)
        }
    }
}
