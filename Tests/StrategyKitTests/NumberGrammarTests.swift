import StrategyKit
import Testing

/// Numbers in expressions, `params` and `risk` follow `DecimalGrammar` with the strategy
/// language's extensions (digit separators, exponent), as docs/STRATEGY-LANGUAGE.md promises.
@Suite("Number grammar")
struct NumberGrammarTests {
    static func rule(_ condition: String) -> String {
        Fixtures.document(
            rules: """
                  - when: \(condition)
                    do: [close]
                """)
    }

    @Test(arguments: [
        "mark > 42", "mark > 0.5", "mark > 1e3", "mark > 1E-3", "mark > 2.5e+6", "mark > 1_000.000_1", "mark > -0",
    ])
    func expressionsAcceptDocumentedNumbers(condition: String) {
        #expect(Fixtures.error(Self.rule(condition)) == nil)
    }

    @Test(arguments: [
        ("mark > .5", ".5", "write 0.5"), ("mark > 5.", "5.", "write 5.0"), ("mark > 0x10", "0x10", nil),
        ("mark > 1__000", "1__000", nil), ("mark > 1_", "1_", nil), ("mark > 1e400", "1e400", nil),
        ("mark > 1e", "1e", nil),
    ])
    func expressionsRejectOtherNumbers(condition: String, literal: String, suggestion: String?) throws {
        let error = try #require(Fixtures.error(Self.rule(condition)))
        #expect(error.code == .expressionSyntax)
        let diagnostic = try #require(error.diagnostics.first)
        #expect(diagnostic.offendingText == literal)
        #expect(diagnostic.suggestion == suggestion)
    }

    @Test(arguments: ["-0", "1e3", "1_000", "-0.25", "20"])
    func parametersAcceptNumbers(value: String) {
        #expect(
            Fixtures.error(
                Fixtures.document(rules: "  - when: mark > n\n    do: [close]", header: "params: {n: \(value)}")) == nil
        )
    }

    @Test(arguments: ["+1", ".5", "5.", "0x10", "' 1'", "1__0", "1e999"])
    func parametersRejectOtherText(value: String) throws {
        let yaml = Fixtures.document(rules: "  - when: mark > n\n    do: [close]", header: "params: {n: \(value)}")
        let error = try #require(Fixtures.error(yaml))
        #expect(error.code == .invalidValue)
    }
}
