/// Appends values in the transcript's canonical binary encoding.
///
/// The encoding has exactly one byte form per value, so equal values always produce equal bytes
/// in every process and on every platform:
/// - unsigned integers: LEB128 varint, minimal length;
/// - signed integers: ZigZag, then varint;
/// - booleans and small enumerations: one byte;
/// - strings and byte blobs: varint length, then the bytes (strings as UTF-8);
/// - optionals: one byte `0` (absent) or `1` followed by the value;
/// - arrays: varint count, then the elements in order.
/// There are no floating-point values and no keys: fields are written in a fixed, documented order
/// (see docs/AUDIT.md).
public struct CanonicalWriter: Sendable {
    /// The bytes written so far.
    public private(set) var bytes: [UInt8]

    /// Creates an empty writer, reserving `capacity` bytes.
    public init(capacity: Int = 256) {
        bytes = []
        bytes.reserveCapacity(capacity)
    }

    /// Forgets the bytes written so far, keeping the allocation.
    public mutating func removeAll() { bytes.removeAll(keepingCapacity: true) }

    /// Writes one raw byte.
    public mutating func write(byte: UInt8) { bytes.append(byte) }

    /// Writes raw bytes without a length prefix.
    public mutating func write(raw: some Sequence<UInt8>) { bytes.append(contentsOf: raw) }

    /// Writes an unsigned varint.
    public mutating func write(unsigned value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(truncatingIfNeeded: value))
    }

    /// Writes a signed integer as a ZigZag varint.
    public mutating func write(signed value: Int64) {
        write(unsigned: UInt64(bitPattern: (value << 1) ^ (value >> 63)))
    }

    /// Writes a Boolean as `0` or `1`.
    public mutating func write(bool value: Bool) { bytes.append(value ? 1 : 0) }

    /// Writes a length-prefixed UTF-8 string.
    public mutating func write(string value: String) {
        var value = value
        value.withUTF8 { utf8 in
            write(unsigned: UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// Writes a length-prefixed byte blob.
    public mutating func write(blob value: [UInt8]) {
        write(unsigned: UInt64(value.count))
        bytes.append(contentsOf: value)
    }
}
