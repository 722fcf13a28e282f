/// A single linear pass over a line before it reaches `JSONDecoder`: enforces the size and the
/// nesting depth (so a hostile line cannot make the decoder recurse deeply) and requires a
/// top-level object.
enum JSONPrescan {
    static func check(_ bytes: [UInt8], limits: CodecLimits) throws(ProtocolError) {
        guard bytes.count <= limits.maxLineBytes else {
            throw ProtocolError(.lineTooLong, "\(bytes.count) bytes > \(limits.maxLineBytes)")
        }
        var depth = 0
        var inString = false
        var escaped = false
        var sawValue = false
        for byte in bytes {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                continue
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 0 && sawValue { throw ProtocolError(.malformedJSON, "trailing data after object") }
                if depth == 0 && byte != UInt8(ascii: "{") { throw ProtocolError(.malformedJSON, "not a JSON object") }
                depth += 1
                if depth > limits.maxDepth {
                    throw ProtocolError(.tooDeep, "nesting deeper than \(limits.maxDepth)")
                }
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth < 0 { throw ProtocolError(.malformedJSON, "unbalanced brackets") }
                if depth == 0 { sawValue = true }
            default:
                if depth == 0 { throw ProtocolError(.malformedJSON, "not a JSON object") }
            }
            if depth == 0 && !sawValue { throw ProtocolError(.malformedJSON, "not a JSON object") }
        }
        if !sawValue {
            throw ProtocolError(bytes.isEmpty ? .emptyLine : .malformedJSON, "incomplete JSON object")
        }
    }
}
