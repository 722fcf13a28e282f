/// The document's text, used to quote the offending line under a diagnostic.
///
/// Lines end at `\n`, `\r\n`, `\r`, NEL, LS or PS, as in YAML, so line numbers agree with the
/// YAML parser's marks.
struct SourceText: Sendable {
    let fileName: String
    let text: String
    /// Longest line quoted under a diagnostic, in Unicode scalars.
    static let maxLineLength = 400

    init(fileName: String, text: String) {
        self.fileName = fileName
        self.text = text
    }

    /// Number of lines (a final line break does not start a new line of content, but counts).
    var lineCount: Int {
        var count = 1
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            if Self.isBreak(scalar) && !(scalar == "\n" && previous == "\r") { count += 1 }
            previous = scalar
        }
        return count
    }

    static func isBreak(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\n" || scalar == "\r" || scalar == "\u{85}" || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// The text of line `number` (1-based), or `nil` when out of range.
    func line(_ number: Int) -> String? {
        guard number >= 1 else { return nil }
        var current = 1
        var view = String.UnicodeScalarView()
        var length = 0
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if Self.isBreak(scalar) {
                if scalar == "\n" && previous == "\r" { continue }
                if current == number { return String(view) }
                current += 1
                continue
            }
            if current == number {
                if length >= Self.maxLineLength { return String(view) }
                view.append(scalar)
                length += 1
            }
        }
        return current == number ? String(view) : nil
    }

    /// All lines, split once (for documents with many diagnostics).
    func allLines() -> [String] {
        var lines: [String] = []
        var view = String.UnicodeScalarView()
        var length = 0
        var previous: Unicode.Scalar = " "
        for scalar in text.unicodeScalars {
            defer { previous = scalar }
            if Self.isBreak(scalar) {
                if scalar == "\n" && previous == "\r" { continue }
                lines.append(String(view))
                view = String.UnicodeScalarView()
                length = 0
            } else if length < Self.maxLineLength {
                view.append(scalar)
                length += 1
            }
        }
        lines.append(String(view))
        return lines
    }

    /// Builds a diagnostic at `location` quoting its line (`sourceLine` when already known).
    func diagnostic(
        at location: SourceLocation, text: String, message: String, expected: String? = nil,
        suggestion: String? = nil, sourceLine: String?? = nil
    ) -> Diagnostic {
        Diagnostic(
            file: fileName, line: location.line, column: location.column,
            offendingText: String(text.unicodeScalars.prefix(120)), message: message, expected: expected,
            suggestion: suggestion, sourceLine: sourceLine ?? line(location.line))
    }
}
