/// The document's text split into lines, used to quote the offending line under a diagnostic.
struct SourceText: Sendable {
    let fileName: String
    let lines: [Substring]

    init(fileName: String, text: String) {
        self.fileName = fileName
        self.lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.last == "\r" ? line.dropLast() : line
        }
    }

    /// The text of line `number` (1-based), or `nil` when out of range.
    func line(_ number: Int) -> String? {
        guard number >= 1, number <= lines.count else { return nil }
        return String(lines[number - 1])
    }

    /// Builds a diagnostic at `location` quoting its line.
    func diagnostic(
        at location: SourceLocation, text: String, message: String, expected: String? = nil,
        suggestion: String? = nil
    ) -> Diagnostic {
        Diagnostic(
            file: fileName, line: location.line, column: location.column,
            offendingText: String(text.unicodeScalars.prefix(120)), message: message, expected: expected,
            suggestion: suggestion, sourceLine: line(location.line))
    }
}
