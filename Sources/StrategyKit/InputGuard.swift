/// Refuses documents that are too large or nest too deeply before they reach the YAML parser,
/// so hostile input costs bounded time and stack.
enum InputGuard {
    /// Largest document accepted, in UTF-8 bytes.
    static let maxBytes = 256 * 1024
    /// Most lines accepted.
    static let maxLines = 10_000
    /// Deepest nesting of YAML collections accepted (indentation, `- - -` and `[{`).
    static let maxNesting = 40

    /// A located problem, or `nil` when the text may be handed to the YAML parser.
    static func check(_ text: String, source: SourceText) -> (StrategyErrorCode, Diagnostic)? {
        let bytes = text.utf8.count
        if bytes > maxBytes {
            return (.inputTooLarge, source.diagnostic(
                at: .start, text: "", message: "document is \(bytes) bytes; the limit is \(maxBytes)",
                expected: "a strategy.yaml of at most \(maxBytes / 1024) KiB"))
        }
        if source.lines.count > maxLines {
            return (.inputTooLarge, source.diagnostic(
                at: SourceLocation(line: maxLines + 1, column: 1), text: "",
                message: "document has \(source.lines.count) lines; the limit is \(maxLines)",
                expected: "at most \(maxLines) lines"))
        }
        var flowDepth = 0
        for (index, line) in source.lines.enumerated() {
            var indent = 0
            var blockMarkers = 0
            var atLineStart = true
            var previous: Unicode.Scalar = " "
            var inSingle = false
            var inDouble = false
            var column = 0
            for scalar in line.unicodeScalars {
                column += 1
                if atLineStart {
                    if scalar == " " || scalar == "\t" {
                        indent += 1
                        previous = scalar
                        continue
                    }
                    if (scalar == "-" || scalar == "?") {
                        blockMarkers += 1
                        previous = scalar
                        continue
                    }
                    atLineStart = false
                }
                if scalar == "#" && !inSingle && !inDouble && (previous == " " || previous == "\t") { break }
                if scalar == "\"" && !inSingle { inDouble.toggle() }
                if scalar == "'" && !inDouble { inSingle.toggle() }
                if !inSingle && !inDouble {
                    if scalar == "[" || scalar == "{" { flowDepth += 1 }
                    if scalar == "]" || scalar == "}" { flowDepth = max(0, flowDepth - 1) }
                }
                previous = scalar
                let nesting = indent / 2 + blockMarkers + flowDepth
                if nesting > maxNesting {
                    return (.nestingTooDeep, source.diagnostic(
                        at: SourceLocation(line: index + 1, column: column), text: String(scalar),
                        message: "YAML nests deeper than \(maxNesting) levels",
                        expected: "a flatter document (strategies need at most a few levels)"))
                }
            }
            if indent / 2 + blockMarkers > maxNesting {
                return (.nestingTooDeep, source.diagnostic(
                    at: SourceLocation(line: index + 1, column: indent + 1), text: "",
                    message: "YAML nests deeper than \(maxNesting) levels",
                    expected: "a flatter document (strategies need at most a few levels)"))
            }
        }
        return nil
    }
}
