/// Parses a transcript file frame by frame without judging it: the verifier decides what a
/// mismatch means. Structural problems (bad magic, truncation, malformed frames) throw.
public struct TranscriptReader: Sendable {
    /// The trailer: the recorded chain root and results.
    public struct Trailer: Sendable, Hashable {
        /// Root recorded by the writer.
        public var root: Hash256
        /// Results recorded by the writer.
        public var results: RunResults
    }

    /// The uncompressed body.
    public let body: [UInt8]
    /// The header.
    public let header: TranscriptHeader
    /// Range of the header's canonical bytes in `body` (the chain's first input).
    public let headerRange: Range<Int>
    /// The digest stored in the file's last 32 bytes.
    public let storedFileDigest: Hash256
    /// The SHA-256 of the file without its last 32 bytes.
    public let computedFileDigest: Hash256
    /// The file's compression byte.
    public let compression: UInt8
    /// The file's format version (1 or 2).
    public let version: UInt8
    /// The trailer, once ``nextTick()`` has returned `nil`.
    public private(set) var trailer: Trailer?
    private var cursor: CanonicalReader
    private var packed: PackedTickReader?

    /// Opens a transcript file: checks magic and version, decompresses the body, reads the header
    /// (and, for version 2, opens the packed tick records).
    public init(bytes: [UInt8]) throws(TranscriptError) {
        guard bytes.count >= 6 + 2 + 32, Array(bytes[0..<4]) == TranscriptFormat.magic else {
            throw TranscriptError(.unsupportedFormat, "not a PerpArena transcript (bad magic or too short)")
        }
        guard bytes[4] == TranscriptFormat.version || bytes[4] == TranscriptFormat.version1 else {
            throw TranscriptError(.unsupportedFormat, "transcript format version \(bytes[4]) is not supported")
        }
        version = bytes[4]
        compression = bytes[5]
        var file = CanonicalReader(bytes, range: 6..<bytes.count - 32)
        let bodyLength = try file.readUnsigned()
        guard bodyLength <= TranscriptFormat.maximumBodyLength else {
            throw TranscriptError(.malformed, "declared body of \(bodyLength) bytes is too large")
        }
        let stored = try file.skip(count: try file.readCount())
        try file.expectEnd("stored body")
        switch compression {
        case TranscriptFormat.uncompressed:
            guard stored.count == Int(bodyLength) else { throw TranscriptError(.malformed, "body length mismatch") }
            body = Array(bytes[stored])
        case TranscriptFormat.arenaLZ:
            guard bodyLength <= UInt64(stored.count) * 255 + 16 else {
                throw TranscriptError(
                    .malformed, "declared body of \(bodyLength) bytes cannot come from \(stored.count) bytes")
            }
            body = try ArenaLZ.decompress(bytes, range: stored, expectedCount: Int(bodyLength))
        case TranscriptFormat.gzip:
            body = try TranscriptGzip.decompress(bytes, range: stored, expectedCount: Int(bodyLength))
        default:
            throw TranscriptError(.unsupportedFormat, "unknown compression \(compression)")
        }
        storedFileDigest = Hash256(bytes: Array(bytes[(bytes.count - 32)...]))
        computedFileDigest = Hash256.of(bytes, range: 0..<bytes.count - 32)
        cursor = CanonicalReader(body)
        guard try cursor.readByte() == TranscriptFormat.FrameKind.header.rawValue else {
            throw TranscriptError(.malformed, "the first frame is not a header")
        }
        headerRange = try cursor.skip(count: try cursor.readCount())
        header = try TranscriptHeader.decode(body, range: headerRange)
        if version != TranscriptFormat.version1 {
            guard !cursor.isAtEnd, try cursor.readByte() == TranscriptFormat.FrameKind.packedTicks.rawValue else {
                throw TranscriptError(.malformed, "the second frame is not the packed tick records")
            }
            packed = try PackedTickReader(body, range: try cursor.skip(count: try cursor.readCount()))
        }
    }

    /// The next tick record, or `nil` after reading the trailer. Version 1 hands out the record's
    /// frame in ``body``; version 2 decodes the next packed record and encodes it canonically.
    public mutating func nextTick() throws(TranscriptError) -> TranscriptTick? {
        guard trailer == nil else { return nil }
        if packed != nil {
            if let record = try packed?.next() {
                let (bytes, events) = record.encodedWithEventSection()
                return TranscriptTick(bytes: bytes, range: bytes.indices, record: record, eventSection: events)
            }
            packed = nil
        }
        guard !cursor.isAtEnd else { throw TranscriptError(.truncated, "the transcript ends without a trailer") }
        let kind = try cursor.readByte()
        let range = try cursor.skip(count: try cursor.readCount())
        switch kind {
        case TranscriptFormat.FrameKind.tick.rawValue where version == TranscriptFormat.version1:
            return TranscriptTick(bytes: body, range: range, record: nil)
        case TranscriptFormat.FrameKind.trailer.rawValue:
            var reader = CanonicalReader(body, range: range)
            let root = Hash256(bytes: try reader.readRaw(count: 32))
            let results = try RunResults.read(from: &reader)
            try reader.expectEnd("trailer")
            try cursor.expectEnd("the trailer frame")
            trailer = Trailer(root: root, results: results)
            return nil
        default:
            throw TranscriptError(.malformed, "unknown frame kind \(kind) at body byte \(range.lowerBound)")
        }
    }
}

extension TranscriptReader {
    /// The uncompressed body of a well-formed transcript file, or empty if it does not open.
    public static func body(of bytes: [UInt8]) -> [UInt8] {
        (try? TranscriptReader(bytes: bytes))?.body ?? []
    }
}
