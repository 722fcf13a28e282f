/// A JSON value with exactly one byte form: the form every signed or committed document
/// (attestation, board snapshot, seed commitment) is served in (docs/AUDIT.md, "Canonical JSON").
///
/// Objects have their keys sorted by UTF-8 bytes and no whitespace; strings escape only `"`, `\`
/// and U+0000–U+001F (`\n`, `\r`, `\t`, otherwise `\u00xx`); numbers are 64-bit integers. A document
/// is canonical when ``parse(_:)`` followed by ``encoded()`` reproduces its bytes.
public indirect enum CanonicalJSON: Hashable, Sendable {
    case null
    case bool(Bool)
    case integer(Int64)
    case string(String)
    case array([CanonicalJSON])
    case object([String: CanonicalJSON])

    /// The canonical bytes.
    public func encoded() -> [UInt8] {
        var out: [UInt8] = []
        write(into: &out)
        return out
    }

    /// Appends the canonical bytes to `out`.
    public func write(into out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let value): out += Array((value ? "true" : "false").utf8)
        case .integer(let value): out += Array(String(value).utf8)
        case .string(let value): Self.writeString(value, into: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                value.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            out.append(UInt8(ascii: "{"))
            let keys = fields.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (index, key) in keys.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(key, into: &out)
                out.append(UInt8(ascii: ":"))
                fields[key]?.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    /// The canonical form of one string, quotes included.
    public static func quoted(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        writeString(text, into: &out)
        return out
    }

    private static func writeString(_ text: String, into out: inout [UInt8]) {
        let digits = Array("0123456789abcdef".utf8)
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out += [UInt8(ascii: "\\"), UInt8(ascii: "\"")]
            case UInt8(ascii: "\\"): out += [UInt8(ascii: "\\"), UInt8(ascii: "\\")]
            case 0x0A: out += [UInt8(ascii: "\\"), UInt8(ascii: "n")]
            case 0x0D: out += [UInt8(ascii: "\\"), UInt8(ascii: "r")]
            case 0x09: out += [UInt8(ascii: "\\"), UInt8(ascii: "t")]
            case 0..<0x20:
                out += Array("\\u00".utf8)
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 15)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    /// Parses JSON strictly: UTF-8, integers only, no duplicate keys, nothing after the value.
    /// Whitespace is accepted, so that a non-canonical document can be told apart from an
    /// unreadable one.
    public static func parse(_ bytes: [UInt8]) throws(TranscriptError) -> CanonicalJSON {
        var parser = CanonicalJSONParser(bytes)
        return try parser.document()
    }

    /// Parses `bytes` and requires them to be exactly canonical; `what` names the document in errors.
    public static func parseCanonical(_ bytes: [UInt8], what: String) throws(TranscriptError) -> CanonicalJSON {
        let value = try parse(bytes)
        guard value.encoded() == bytes else {
            throw TranscriptError(.malformed, "\(what) is not canonical (keys sorted, no whitespace, no other fields)")
        }
        return value
    }
}
