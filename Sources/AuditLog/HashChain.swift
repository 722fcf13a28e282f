import Crypto

/// The transcript's SHA-256 hash chain: `h0 = SHA256(header)`, `h_i = SHA256(h_{i-1} || record_i)`.
///
/// The root (the last link) commits to the header and to every tick record, their order and
/// their number: modifying, reordering, dropping or appending a record changes it.
public struct HashChain: Sendable {
    /// The current link (the root once every record has been appended).
    public private(set) var head: Hash256
    /// Records appended after the header.
    public private(set) var count: Int = 0

    /// Starts the chain from the header's canonical bytes.
    public init(header: [UInt8]) { head = Hash256.of(header) }

    /// Appends the record stored at `bytes[range]`.
    public mutating func append(_ bytes: [UInt8], range: Range<Int>) {
        var hasher = SHA256()
        head.bytes.withUnsafeBytes { hasher.update(bufferPointer: $0) }
        bytes.withUnsafeBytes { hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: $0[range])) }
        head = Hash256(bytes: Array(hasher.finalize()))
        count += 1
    }

    /// Appends a record's bytes.
    public mutating func append(_ bytes: [UInt8]) { append(bytes, range: bytes.indices) }
}
