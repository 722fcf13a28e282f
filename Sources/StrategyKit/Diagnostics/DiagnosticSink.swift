/// Collects located problems while a document is read or checked.
struct DiagnosticSink: Sendable {
    let source: SourceText
    private(set) var entries: [(code: StrategyErrorCode, diagnostic: Diagnostic)] = []
    private var lines: [String]?

    /// More problems than this are not reported (the rest are usually consequences).
    static let maxDiagnostics = 50

    init(source: SourceText) { self.source = source }

    var isEmpty: Bool { entries.isEmpty }

    /// Records a problem at `location`.
    mutating func error(
        _ code: StrategyErrorCode, at location: SourceLocation, text: String, _ message: String,
        expected: String? = nil, suggestion: String? = nil
    ) {
        guard entries.count < Self.maxDiagnostics else { return }
        if lines == nil { lines = source.allLines() }
        let lineText: String? = lines.flatMap {
            location.line >= 1 && location.line <= $0.count ? $0[location.line - 1] : nil
        }
        let diagnostic = source.diagnostic(
            at: location, text: text, message: message, expected: expected, suggestion: suggestion,
            sourceLine: .some(lineText))
        // The same problem found twice (by the unknown-name pass and the type checks) is one.
        guard !entries.contains(where: { $0.diagnostic == diagnostic }) else { return }
        entries.append((code, diagnostic))
    }

    /// Records a misspelt-name problem with the closest candidate, if any, as the suggestion.
    mutating func unknownName(
        _ code: StrategyErrorCode = .unknownName, kind: String, name: String, at location: SourceLocation,
        candidates: some Sequence<String>, expected: String
    ) {
        let closest = NameSuggester.closest(to: name, in: candidates)
        error(
            code, at: location, text: name, "unknown \(kind) '\(name)'", expected: expected,
            suggestion: closest.map { "did you mean '\($0)'?" })
    }

    /// The collected problems as an error (sorted by position), or `nil` when there are none.
    func makeError() -> StrategyError? {
        guard let first = entries.min(by: { Self.order($0.diagnostic, $1.diagnostic) }) else { return nil }
        let sorted = entries.map(\.diagnostic).sorted(by: Self.order)
        return StrategyError(code: first.code, diagnostics: sorted)
    }

    private static func order(_ lhs: Diagnostic, _ rhs: Diagnostic) -> Bool {
        (lhs.line, lhs.column) < (rhs.line, rhs.column)
    }
}
