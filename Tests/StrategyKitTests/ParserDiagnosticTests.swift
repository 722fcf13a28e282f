import Foundation
import StrategyKit
import Testing

@Suite("Parser diagnostics")
struct ParserDiagnosticTests {
    @Test("a misspelt indicator names line:column and the closest valid name")
    func misspeltIndicator() throws {
        let yaml = Fixtures.document(
            rules: """
                  - when: mark > smaa(mark, 20)
                    do: [close]
                """)
        let error = try #require(Fixtures.error(yaml))
        #expect(error.code == .unknownName)
        let diagnostic = try #require(error.diagnostics.first)
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        let lineIndex = try #require(lines.firstIndex { $0.contains("smaa(") })
        #expect(diagnostic.line == lineIndex + 1)
        let column =
            lines[lineIndex].distance(
                from: lines[lineIndex].startIndex,
                to: lines[lineIndex].range(of: "smaa")!.lowerBound) + 1
        #expect(diagnostic.column == column)
        #expect(diagnostic.offendingText == "smaa")
        #expect(diagnostic.suggestion?.contains("'sma'") == true)
        #expect(error.description.contains("strategy.yaml:\(lineIndex + 1):\(column): error:"))
    }

    @Test("the rendered diagnostic puts a caret under the offending text")
    func caretLine() throws {
        let yaml = Fixtures.document(
            rules: """
                  - when: emaa(mark, 5) > 1
                    do: [close]
                """)
        let error = try #require(Fixtures.error(yaml))
        let rendered = error.diagnostics[0].description.split(separator: "\n")
        let source = try #require(rendered.first { $0.contains("emaa(mark") })
        let caret = try #require(rendered.first { $0.contains("^") })
        let sourceColumn = source.distance(from: source.startIndex, to: source.range(of: "emaa")!.lowerBound)
        let caretColumn = caret.distance(from: caret.startIndex, to: caret.firstIndex(of: "^")!)
        #expect(sourceColumn == caretColumn)
        #expect(caret.contains("^~~~"))
    }

    @Test("YAML syntax errors are located")
    func yamlSyntax() throws {
        let yaml = "name: x\nruntime: rules\nmarkets: [BTC-PERP\nrules: []\n"
        let error = try #require(Fixtures.error(yaml))
        #expect(error.code == .yamlSyntax)
        #expect(error.diagnostics[0].line >= 3)
    }

    @Test("unknown keys and actions suggest the closest valid one")
    func unknownKeys() throws {
        let yaml = """
            name: x
            runtime: rules
            markets: [BTC-PERP]
            rule:
              - do: [close]
            """
        let error = try #require(Fixtures.error(yaml))
        #expect(
            error.diagnostics.contains { $0.line == 4 && $0.column == 1 && $0.suggestion?.contains("'rules'") == true })
        let action = Fixtures.document(rules: "  - do:\n      - cancelall")
        let actionError = try #require(Fixtures.error(action))
        #expect(actionError.diagnostics[0].suggestion?.contains("'cancel_all'") == true)
    }

    @Test(
        "expression syntax errors point at the offending token",
        arguments: [
            ("mark >", "", "expression ends too early"),
            ("(mark > 1", "", "expected ')'"),
            ("mark = 1", "=", "unexpected character"),
            ("mark > 1 > 2", ">", "cannot be chained"),
            ("mark 2", "2", "after a complete expression"),
        ])
    func expressionSyntax(text: String, offending: String, message: String) throws {
        let yaml = Fixtures.document(rules: "  - when: \(text)\n    do: [close]")
        let error = try #require(Fixtures.error(yaml))
        #expect(error.code == .expressionSyntax)
        let diagnostic = error.diagnostics[0]
        #expect(diagnostic.message.contains(message))
        #expect(diagnostic.offendingText == offending)
        let line = yaml.split(separator: "\n", omittingEmptySubsequences: false)[diagnostic.line - 1]
        let startColumn = line.distance(from: line.startIndex, to: line.range(of: text)!.lowerBound) + 1
        #expect(diagnostic.column >= startColumn && diagnostic.column <= startColumn + text.count)
    }

    @Test("deeply nested YAML is refused with a clear error")
    func deepYAML() throws {
        let yaml = "name: x\nruntime: rules\nmarkets: " + String(repeating: "[", count: 5_000) + "\n"
        let error = try #require(Fixtures.error(yaml))
        #expect(error.code == .nestingTooDeep)
        #expect(error.diagnostics[0].line == 3)
        let blocks = (0..<200).map { String(repeating: " ", count: $0 * 2) + "k\($0):" }.joined(separator: "\n")
        #expect(Fixtures.error(blocks)?.code == .nestingTooDeep)
    }

    @Test("deeply nested expressions are refused with a clear error")
    func deepExpression() throws {
        let nested = String(repeating: "(", count: 500) + "1" + String(repeating: ")", count: 500)
        let error = try #require(Fixtures.error(Fixtures.document(rules: "  - when: \(nested) > 0\n    do: [close]")))
        #expect(error.code == .nestingTooDeep)
        #expect(error.diagnostics[0].line == 6)
        let negations = String(repeating: "not ", count: 100) + "true"
        #expect(
            Fixtures.error(Fixtures.document(rules: "  - when: \(negations)\n    do: [close]"))?.code == .nestingTooDeep
        )
    }

    @Test("huge inputs are refused before parsing")
    func hugeInput() throws {
        let yaml = "name: x\n# " + String(repeating: "x", count: 400_000)
        let error = try #require(Fixtures.error(yaml))
        #expect(error.code == .inputTooLarge)
        let longExpression = (0..<1_500).map { _ in "1" }.joined(separator: " + ")
        let expressionError = Fixtures.error(
            Fixtures.document(rules: "  - when: \(longExpression) > 0\n    do: [close]"))
        #expect(expressionError?.code == .inputTooLarge)
    }

    @Test("python and exec bundles parse but do not check")
    func otherRuntimes() throws {
        let document = try Fixtures.parse("name: bot\nruntime: python\nentry: bot.py\n")
        #expect(document.runtime == .python)
        #expect(document.entry == "bot.py")
        #expect(throws: StrategyError.self) { try StrategyChecker.check(document, limits: .standard) }
        #expect(Fixtures.error("name: bot\nruntime: exec\n") != nil)
    }

    @Test("a comma inside a {...} mapping that cuts an expression gets a hint")
    func flowMappingComma() throws {
        let yaml = Fixtures.document(rules: "  - do:\n      - buy: {size: max(0.001, 0.002), offset: 1}")
        let error = try #require(Fixtures.error(yaml))
        #expect(error.diagnostics.contains { $0.suggestion?.contains("quote the expression") == true })
    }

    @Test("Windows line endings parse, and errors point at the right line")
    func crlf() throws {
        let valid = Fixtures.document(rules: "  - when: mark > 0\n    do: [close]").replacing("\n", with: "\r\n")
        #expect(Fixtures.error(valid) == nil)
        let invalid = Fixtures.document(rules: "  - when: mark > rsii(mark, 3)\n    do: [close]")
            .replacing("\n", with: "\r\n")
        let diagnostic = try #require(Fixtures.error(invalid)?.diagnostics.first)
        #expect(diagnostic.line == 6)
        #expect(diagnostic.sourceLine == "  - when: mark > rsii(mark, 3)")
        #expect(diagnostic.suggestion?.contains("'rsi'") == true)
    }
}
