/// Refuses documents that are too large or nest too deeply before they reach the YAML parser,
/// so hostile input costs bounded time and stack.
enum InputGuard {
    /// Largest document accepted, in UTF-8 bytes.
    static let maxBytes = 256 * 1024
    /// Most lines accepted.
    static let maxLines = 10_000
    /// Deepest nesting of YAML collections accepted (indentation / 2, `- - -` and `[{`).
    static let maxNesting = 40

    /// A located problem, or `nil` when the text may be handed to the YAML parser.
    static func check(_ text: String, source: SourceText) -> (StrategyErrorCode, Diagnostic)? {
        let bytes = text.utf8.count
        if bytes > maxBytes {
            return (
                .inputTooLarge,
                source.diagnostic(
                    at: .start, text: "", message: "document is \(bytes) bytes; the limit is \(maxBytes)",
                    expected: "a strategy.yaml of at most \(maxBytes / 1024) KiB")
            )
        }
        var line = 1
        var lineStartByte = 0
        var offset = 0
        var indent = 0
        var markers = 0
        var atLineStart = true
        var flowDepth = 0
        var inSingle = false
        var inDouble = false
        var inComment = false
        var previous: UInt8 = 32
        for byte in text.utf8 {
            defer {
                previous = byte
                offset += 1
            }
            if byte == 10 || byte == 13 {
                if !(byte == 10 && previous == 13) { line += 1 }
                if line > maxLines {
                    return (
                        .inputTooLarge,
                        source.diagnostic(
                            at: SourceLocation(line: line, column: 1), text: "",
                            message: "document has more than \(maxLines) lines", expected: "at most \(maxLines) lines")
                    )
                }
                (indent, markers, atLineStart, inSingle, inDouble, inComment) = (0, 0, true, false, false, false)
                lineStartByte = offset + 1
                continue
            }
            if inComment { continue }
            if atLineStart {
                if byte == 32 || byte == 9 {
                    indent += 1
                } else if byte == 45 || byte == 63 {  // '-' '?'
                    markers += 1
                } else {
                    atLineStart = false
                }
            }
            if !atLineStart {
                switch byte {
                case 35 where !inSingle && !inDouble && (previous == 32 || previous == 9): inComment = true  // '#'
                case 34 where !inSingle: inDouble.toggle()
                case 39 where !inDouble: inSingle.toggle()
                case 91 where !inSingle && !inDouble, 123 where !inSingle && !inDouble: flowDepth += 1  // '[' '{'
                case 93 where !inSingle && !inDouble, 125 where !inSingle && !inDouble:
                    flowDepth = max(0, flowDepth - 1)
                default: break
                }
            }
            if indent / 2 + markers + flowDepth > maxNesting {
                let column = columnOf(text, lineStartByte: lineStartByte, byteOffset: offset)
                return (
                    .nestingTooDeep,
                    source.diagnostic(
                        at: SourceLocation(line: line, column: column), text: String(UnicodeScalar(byte)),
                        message: "YAML nests deeper than \(maxNesting) levels",
                        expected: "a flatter document (strategies need at most a few levels)")
                )
            }
        }
        return nil
    }

    /// 1-based column in Unicode scalars of the byte at `byteOffset` on the line starting at `lineStartByte`.
    private static func columnOf(_ text: String, lineStartByte: Int, byteOffset: Int) -> Int {
        let utf8 = text.utf8
        let start = utf8.index(utf8.startIndex, offsetBy: lineStartByte)
        let end = utf8.index(utf8.startIndex, offsetBy: byteOffset)
        return text.unicodeScalars[start..<end].count + 1
    }
}
