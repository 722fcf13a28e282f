/// Cheap lexical bound on YAML flow-collection nesting (`[[[[…` / `{{{{…`), checked before the
/// text reaches the recursive YAML composer, so a hostile `strategy.yaml` cannot exhaust the stack.
/// Quoted strings and comments are skipped; brackets inside plain scalars may be over-counted,
/// which only matters past the (generous) limit.
enum YAMLNesting {
    static let maxDepth = 64

    /// Whether `text` nests flow collections deeper than `maxDepth`.
    static func isTooDeep(_ text: String) -> Bool {
        var depth = 0
        var quote: UInt8?
        var comment = false
        var previous: UInt8 = UInt8(ascii: "\n")
        for byte in text.utf8 {
            defer { previous = byte }
            if byte == UInt8(ascii: "\n") { comment = false }
            if comment { continue }
            if let open = quote {
                if byte == open { quote = nil }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                quote = byte
            case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\n"):
                comment = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > maxDepth { return true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth = max(depth - 1, 0)
            default:
                break
            }
        }
        return false
    }
}
