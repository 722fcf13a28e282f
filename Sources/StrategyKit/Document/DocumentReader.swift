import Yams

/// Turns the YAML tree into a `StrategyDocument`, recording every located problem.
struct DocumentReader {
    var sink: DiagnosticSink
    let source: SourceText

    /// Top-level keys of a rules document.
    static let topLevelKeys = [
        "name", "runtime", "entry", "description", "markets", "params", "let", "state",
        "rules", "risk",
    ]
    static let riskKeys = [
        "max_leverage", "max_position_notional", "stop_loss", "take_profit",
        "max_orders_per_tick",
    ]
    /// Most rules, lets, state variables or params accepted (each).
    static let maxEntries = 200
    /// Most actions in one rule.
    static let maxActions = 32

    init(source: SourceText) {
        self.source = source
        self.sink = DiagnosticSink(source: source)
    }

    mutating func read(_ yaml: String) throws(StrategyError) -> StrategyDocument {
        let document = try readCollecting(yaml)
        if let error = sink.makeError() { throw error }
        return document
    }

    /// Reads as much of the document as it can: the problems stay in `sink` (not thrown), and
    /// what was readable is returned, so the checker can add its own problems to the same report.
    /// Throws only when there is no document at all (invalid YAML, not a mapping).
    mutating func readCollecting(_ yaml: String) throws(StrategyError) -> StrategyDocument {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            throw yamlError(error)
        } catch {
            throw StrategyError(
                code: .yamlSyntax,
                diagnostics: [
                    source.diagnostic(
                        at: .start, text: "", message: "YAML could not be read: \(error)")
                ])
        }
        guard let root, case .mapping(let mapping) = root else {
            let location = root.map(YAMLNodeAccess.location) ?? .start
            throw StrategyError(
                code: .schema,
                diagnostics: [
                    source.diagnostic(
                        at: location, text: root.map(YAMLNodeAccess.describe) ?? "",
                        message: "a strategy document must be a mapping of keys",
                        expected: "keys such as name:, runtime:, markets:, rules:")
                ])
        }
        var document = StrategyDocument(name: "", runtime: .rules, source: source)
        var seen: [String: Node] = [:]
        for (key, value) in mapping {
            guard let keyText = YAMLNodeAccess.scalarText(key) else {
                sink.error(.schema, at: YAMLNodeAccess.location(key), text: "", "keys must be plain names")
                continue
            }
            guard Self.topLevelKeys.contains(keyText) else {
                sink.unknownName(
                    .schema, kind: "top-level key", name: keyText, at: YAMLNodeAccess.location(key),
                    candidates: Self.topLevelKeys, expected: Self.topLevelKeys.joined(separator: ", "))
                continue
            }
            seen[keyText] = value
        }
        readHeader(&document, seen: seen, root: root)
        if document.runtime == .rules {
            readBody(&document, seen: seen, root: root)
        } else {
            for key in ["markets", "params", "let", "state", "rules", "risk"] {
                guard let node = seen[key] else { continue }
                sink.error(
                    .schema, at: YAMLNodeAccess.location(node), text: key,
                    "'\(key)' belongs to rules documents; this one has runtime \(document.runtime.rawValue)")
            }
        }
        return document
    }

    private mutating func readHeader(_ document: inout StrategyDocument, seen: [String: Node], root: Node) {
        if let node = seen["name"], let text = YAMLNodeAccess.scalarText(node), !YAMLNodeAccess.isNull(node) {
            document.name = text
            document.nameLocation = YAMLNodeAccess.location(node)
            if text.count > 64 || text.contains("\n") {
                sink.error(
                    .invalidValue, at: document.nameLocation, text: text, "name is too long or spans lines",
                    expected: "a single-line name of at most 64 characters")
            }
        } else {
            sink.error(
                .schema, at: seen["name"].map(YAMLNodeAccess.location) ?? YAMLNodeAccess.location(root),
                text: "", "missing 'name'", expected: "name: my-strategy")
        }
        if let node = seen["runtime"] {
            let text = YAMLNodeAccess.scalarText(node) ?? ""
            if let runtime = StrategyRuntime(rawValue: text)
                ?? (StrategyRuntime.isPythonEnvironment(text) ? .python : nil)
            {
                document.runtime = runtime
                document.runtimeName = text
            } else {
                sink.unknownName(
                    .schema, kind: "runtime", name: text, at: YAMLNodeAccess.location(node),
                    candidates: StrategyRuntime.allCases.map(\.rawValue), expected: "rules, python, python-ml or exec")
            }
        } else {
            sink.error(
                .schema, at: YAMLNodeAccess.location(root), text: "", "missing 'runtime'",
                expected: "runtime: rules")
        }
        if let node = seen["entry"] {
            document.entry = YAMLNodeAccess.scalarText(node)
            if document.runtime == .rules {
                sink.error(
                    .schema, at: YAMLNodeAccess.location(node), text: "entry",
                    "'entry' is only used by python and exec bundles", expected: "no 'entry' for runtime rules")
            }
        } else if document.runtime != .rules {
            sink.error(
                .schema, at: YAMLNodeAccess.location(root), text: "",
                "runtime \(document.runtime.rawValue) needs 'entry'", expected: "entry: bot.py")
        }
    }

    private mutating func readBody(_ document: inout StrategyDocument, seen: [String: Node], root: Node) {
        if let node = seen["markets"] {
            document.markets = readMarkets(node)
        } else {
            sink.error(
                .schema, at: YAMLNodeAccess.location(root), text: "", "missing 'markets'",
                expected: "markets: [BTC-PERP]")
        }
        if let node = seen["params"] { document.parameters = readParameters(node) }
        if let node = seen["let"] { document.lets = readNamedExpressions(node, section: "let") }
        if let node = seen["state"] { document.states = readNamedExpressions(node, section: "state") }
        if let node = seen["rules"] {
            document.rulesLocation = YAMLNodeAccess.location(node)
            document.rules = readRules(node)
        } else {
            sink.error(
                .schema, at: YAMLNodeAccess.location(root), text: "", "missing 'rules'",
                expected: "rules: a list of {when:, do:} entries")
        }
        if let node = seen["risk"] { document.risk = readRisk(node) }
    }

    private func yamlError(_ error: YamlError) -> StrategyError {
        let (problem, mark, context): (String, Mark?, String?) =
            switch error {
            case .scanner(let context, let problem, let mark, _): (problem, mark, context?.text)
            case .parser(let context, let problem, let mark, _): (problem, mark, context?.text)
            case .composer(let context, let problem, let mark, _): (problem, mark, context?.text)
            case .duplicatedKeysInMapping(let duplicates, let context):
                ("duplicate key '\(duplicates.first ?? "")'", context.mark, nil)
            case .reader(let problem, _, _, _): (problem, nil, nil)
            default: ("\(error)", nil, nil)
            }
        var location = mark.map { SourceLocation(line: max(1, $0.line), column: max(1, $0.column)) } ?? .start
        let lines = source.allLines()
        if location.line > lines.count {
            // libyaml reports problems at the end of input on a virtual line after the last one.
            location = SourceLocation(line: lines.count, column: (lines.last?.unicodeScalars.count ?? 0) + 1)
        }
        let lineText = lines[location.line - 1]
        let offending = String(lineText.unicodeScalars.dropFirst(location.column - 1).prefix(1))
        let message = context.map { "\(problem) (\($0))" } ?? problem
        return StrategyError(
            code: .yamlSyntax,
            diagnostics: [
                source.diagnostic(
                    at: location, text: offending, message: "invalid YAML: \(message)",
                    expected:
                        "well-formed YAML; quote expressions that start with [ { * & ! | > ' \" % @ or contain ': '")
            ])
    }
}
