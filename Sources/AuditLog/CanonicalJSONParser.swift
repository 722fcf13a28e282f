/// The strict JSON reader behind ``CanonicalJSON/parse(_:)``.
struct CanonicalJSONParser {
    private let bytes: [UInt8]
    private var position = 0
    private var depth = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    mutating func document() throws(TranscriptError) -> CanonicalJSON {
        let value = try self.value()
        skipWhitespace()
        guard position == bytes.count else { throw failure("data after the JSON value") }
        return value
    }

    private mutating func value() throws(TranscriptError) -> CanonicalJSON {
        skipWhitespace()
        guard position < bytes.count else { throw failure("unexpected end of JSON") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .integer(try integer())
        default: throw failure("unexpected character")
        }
    }

    private mutating func object() throws(TranscriptError) -> CanonicalJSON {
        try enter()
        defer { depth -= 1 }
        position += 1
        var fields: [String: CanonicalJSON] = [:]
        skipWhitespace()
        if peek(UInt8(ascii: "}")) {
            position += 1
            return .object(fields)
        }
        while true {
            skipWhitespace()
            guard peek(UInt8(ascii: "\"")) else { throw failure("expected a key") }
            let key = try string()
            guard fields[key] == nil else { throw failure("duplicate key \"\(key)\"") }
            skipWhitespace()
            try expect(UInt8(ascii: ":"))
            fields[key] = try value()
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "}"))
            return .object(fields)
        }
    }

    private mutating func array() throws(TranscriptError) -> CanonicalJSON {
        try enter()
        defer { depth -= 1 }
        position += 1
        var values: [CanonicalJSON] = []
        skipWhitespace()
        if peek(UInt8(ascii: "]")) {
            position += 1
            return .array(values)
        }
        while true {
            values.append(try value())
            skipWhitespace()
            if peek(UInt8(ascii: ",")) {
                position += 1
                continue
            }
            try expect(UInt8(ascii: "]"))
            return .array(values)
        }
    }

    private mutating func string() throws(TranscriptError) -> String {
        position += 1
        var out: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                guard let text = String(validating: out, as: UTF8.self) else { throw failure("invalid UTF-8") }
                return text
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"): out += Array(String(try unicodeEscape()).utf8)
                default: throw failure("invalid escape")
                }
            case 0..<0x20: throw failure("unescaped control character in a string")
            default: out.append(byte)
            }
        }
        throw failure("unterminated string")
    }

    private mutating func unicodeEscape() throws(TranscriptError) -> Character {
        let high = try hex4()
        if (0xD800..<0xDC00).contains(high) {
            guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                bytes[position + 1] == UInt8(ascii: "u")
            else { throw failure("unpaired surrogate") }
            position += 2
            let low = try hex4()
            guard (0xDC00..<0xE000).contains(low),
                let scalar = Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
            else { throw failure("invalid surrogate pair") }
            return Character(scalar)
        }
        guard let scalar = Unicode.Scalar(high) else { throw failure("invalid \\u escape") }
        return Character(scalar)
    }

    private mutating func hex4() throws(TranscriptError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw failure("truncated \\u escape") }
        var value: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            let digit: UInt32
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
            default: throw failure("invalid \\u escape")
            }
            value = value << 4 | digit
        }
        position += 4
        return value
    }

    private mutating func integer() throws(TranscriptError) -> Int64 {
        let start = position
        if peek(UInt8(ascii: "-")) { position += 1 }
        while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) {
            position += 1
        }
        if position < bytes.count,
            [UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E")].contains(bytes[position])
        {
            throw failure("only integers are allowed")
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Int64(text) else { throw failure("not a 64-bit integer: \(text)") }
        return value
    }

    private mutating func literal(_ word: String) throws(TranscriptError) {
        let expected = Array(word.utf8)
        guard position + expected.count <= bytes.count, Array(bytes[position..<position + expected.count]) == expected
        else { throw failure("unexpected character") }
        position += expected.count
    }

    private mutating func enter() throws(TranscriptError) {
        depth += 1
        guard depth <= 64 else { throw failure("nested too deeply") }
    }

    private mutating func expect(_ byte: UInt8) throws(TranscriptError) {
        guard peek(byte) else { throw failure("expected '\(Character(Unicode.Scalar(byte)))'") }
        position += 1
    }

    private func peek(_ byte: UInt8) -> Bool { position < bytes.count && bytes[position] == byte }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[position]) { position += 1 }
    }

    private func failure(_ message: String) -> TranscriptError {
        TranscriptError(.malformed, "JSON at byte \(position): \(message)")
    }
}
