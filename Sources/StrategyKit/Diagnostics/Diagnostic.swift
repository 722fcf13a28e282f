/// One problem found in a strategy document, located precisely enough to act on.
///
/// `description` renders it like a compiler does:
///
/// ```
/// strategy.yaml:12:11: error: unknown function 'ssma'
///     when: ssma(mark, 20) > 3
///           ^~~~
///   expected: a function name
///   help: did you mean 'sma'?
/// ```
public struct Diagnostic: Hashable, Sendable, Codable, CustomStringConvertible {
    /// The file name given to the parser (e.g. `strategy.yaml`).
    public var file: String
    /// 1-based line of the offending text.
    public var line: Int
    /// 1-based column (in Unicode scalars) of the offending text.
    public var column: Int
    /// The text the problem is about, as written (may be empty at end of input).
    public var offendingText: String
    /// What is wrong.
    public var message: String
    /// What would have been valid here, if that can be said.
    public var expected: String?
    /// The closest valid name for a misspelling, or another concrete fix.
    public var suggestion: String?
    /// The whole source line, for the caret display; `nil` when unknown.
    public var sourceLine: String?

    /// Creates a diagnostic.
    public init(
        file: String, line: Int, column: Int, offendingText: String, message: String,
        expected: String? = nil, suggestion: String? = nil, sourceLine: String? = nil
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.offendingText = offendingText
        self.message = message
        self.expected = expected
        self.suggestion = suggestion
        self.sourceLine = sourceLine
    }

    /// `file:line:column: error: message`, the source line with a caret under the offending
    /// text, then `expected:` and `help:` lines when known.
    public var description: String {
        var out = "\(file):\(line):\(column): error: \(message)"
        if let sourceLine, !sourceLine.isEmpty {
            let visible = String(sourceLine.unicodeScalars.prefix(200))
            out += "\n    " + visible
            var pad = ""
            for (index, scalar) in sourceLine.unicodeScalars.enumerated() where index < column - 1 {
                pad.append(scalar == "\t" ? "\t" : " ")
            }
            let width = max(1, min(offendingText.unicodeScalars.count, 80))
            if column - 1 <= visible.unicodeScalars.count {
                out += "\n    " + pad + "^" + String(repeating: "~", count: width - 1)
            }
        }
        if let expected { out += "\n  expected: \(expected)" }
        if let suggestion { out += "\n  help: \(suggestion)" }
        return out
    }
}
