/// Reads values written by ``CanonicalWriter``, refusing anything that is not in canonical form
/// (over-long varints, out-of-range values, unknown tags, lengths past the end).
public struct CanonicalReader: Sendable {
    /// The whole input.
    public let bytes: [UInt8]
    /// Index of the next byte to read.
    public private(set) var position: Int
    /// Index one past the last byte this reader may read.
    public let end: Int

    /// Reads `bytes[range]` (the whole array by default).
    public init(_ bytes: [UInt8], range: Range<Int>? = nil) {
        self.bytes = bytes
        self.position = range?.lowerBound ?? 0
        self.end = range?.upperBound ?? bytes.count
    }

    /// Whether every byte has been consumed.
    public var isAtEnd: Bool { position >= end }

    /// Bytes left to read.
    public var remaining: Int { end - position }

    /// Reads one raw byte.
    public mutating func readByte() throws(TranscriptError) -> UInt8 {
        guard position < end else { throw TranscriptError(.truncated, "unexpected end of data at byte \(position)") }
        defer { position += 1 }
        return bytes[position]
    }

    /// Reads `count` raw bytes.
    public mutating func readRaw(count: Int) throws(TranscriptError) -> [UInt8] {
        guard count >= 0, count <= remaining else {
            throw TranscriptError(.truncated, "needs \(count) bytes at byte \(position), \(remaining) left")
        }
        defer { position += count }
        return Array(bytes[position..<position + count])
    }

    /// Skips `count` bytes and returns their range.
    public mutating func skip(count: Int) throws(TranscriptError) -> Range<Int> {
        guard count >= 0, count <= remaining else {
            throw TranscriptError(.truncated, "needs \(count) bytes at byte \(position), \(remaining) left")
        }
        defer { position += count }
        return position..<position + count
    }

    /// Reads a minimal-length unsigned varint.
    public mutating func readUnsigned() throws(TranscriptError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try readByte()
            if shift == 63 && byte > 1 {
                throw TranscriptError(.malformed, "varint overflows 64 bits at byte \(position)")
            }
            result |= UInt64(byte & 0x7F) << shift
            if byte & 0x80 == 0 {
                if byte == 0 && shift > 0 {
                    throw TranscriptError(.malformed, "non-minimal varint at byte \(position)")
                }
                return result
            }
            shift += 7
        }
    }

    /// Reads a ZigZag varint.
    public mutating func readSigned() throws(TranscriptError) -> Int64 {
        let raw = try readUnsigned()
        return Int64(bitPattern: raw >> 1) ^ -Int64(bitPattern: raw & 1)
    }

    /// Reads an unsigned varint that must fit `T`.
    public mutating func readUnsigned<T: FixedWidthInteger>(as type: T.Type) throws(TranscriptError) -> T {
        let raw = try readUnsigned()
        guard let value = T(exactly: raw) else {
            throw TranscriptError(.malformed, "value \(raw) out of range for \(T.self)")
        }
        return value
    }

    /// Reads a count (array length or blob size) that cannot exceed the bytes left.
    public mutating func readCount() throws(TranscriptError) -> Int {
        let raw = try readUnsigned()
        guard raw <= UInt64(remaining) else {
            throw TranscriptError(.truncated, "count \(raw) exceeds the \(remaining) bytes left")
        }
        return Int(raw)
    }

    /// Reads a Boolean byte (`0` or `1`).
    public mutating func readBool() throws(TranscriptError) -> Bool {
        switch try readByte() {
        case 0: return false
        case 1: return true
        case let other: throw TranscriptError(.malformed, "invalid boolean \(other) at byte \(position - 1)")
        }
    }

    /// Reads a length-prefixed UTF-8 string.
    public mutating func readString() throws(TranscriptError) -> String {
        let range = try skip(count: try readCount())
        guard let text = String(validating: bytes[range], as: UTF8.self) else {
            throw TranscriptError(.malformed, "invalid UTF-8 at byte \(range.lowerBound)")
        }
        return text
    }

    /// Reads a length-prefixed byte blob.
    public mutating func readBlob() throws(TranscriptError) -> [UInt8] {
        try readRaw(count: try readCount())
    }

    /// Fails unless every byte has been consumed.
    public func expectEnd(_ what: String) throws(TranscriptError) {
        guard isAtEnd else { throw TranscriptError(.malformed, "\(remaining) unexpected trailing bytes after \(what)") }
    }
}
