/// Builds a transcript incrementally: the runner appends one ``TickRecord`` per tick, then calls
/// ``finish(results:)`` once.
///
/// Records are encoded, chained and packed (``PackedTickWriter``) as they arrive; the body is
/// assembled and compressed at the end.
public struct TranscriptWriter: Sendable {
    /// Writer options.
    public struct Configuration: Sendable, Hashable {
        /// Compress the body with gzip (default `true`; see ``TranscriptFormat/gzip``).
        public var compress: Bool
        /// Format version to write: ``TranscriptFormat/version`` (packed records, the default) or
        /// ``TranscriptFormat/version1`` (one canonical frame per record, as before 2026-12-02).
        public var version: UInt8
        /// Creates options.
        public init(compress: Bool = true, version: UInt8 = TranscriptFormat.version) {
            self.compress = compress
            self.version = version == TranscriptFormat.version1 ? version : TranscriptFormat.version
        }
    }

    /// The header the transcript starts with.
    public let header: TranscriptHeader
    private let configuration: Configuration
    private var body: [UInt8] = []
    private var packed = PackedTickWriter()
    private var chain: HashChain

    /// Starts a transcript with `header`.
    public init(header: TranscriptHeader, configuration: Configuration = Configuration()) {
        self.header = header
        self.configuration = configuration
        let encoded = header.encoded()
        chain = HashChain(header: encoded)
        body.reserveCapacity(1 << 16)
        Self.frame(.header, encoded, into: &body)
    }

    /// The current chain head (the root once every record is appended).
    public var root: Hash256 { chain.head }

    /// Tick records appended so far.
    public var tickCount: Int { chain.count }

    /// Uncompressed body bytes so far.
    public var bodyByteCount: Int { body.count + packed.byteCount }

    /// Appends one tick's record. Records are taken as given (one per tick, in tick order, is the
    /// runner's job); the verifier reports any record whose tick is not the engine's next tick.
    public mutating func append(_ record: TickRecord) {
        let encoded = record.encoded()
        chain.append(encoded)
        if configuration.version == TranscriptFormat.version1 {
            Self.frame(.tick, encoded, into: &body)
        } else {
            packed.append(record)
        }
    }

    /// Appends the trailer (root and `results`) and returns the finished file.
    public func finish(results: RunResults) -> Transcript {
        var body = body
        if configuration.version != TranscriptFormat.version1 {
            Self.frame(.packedTicks, packed.payload(), into: &body)
        }
        var trailer = CanonicalWriter(capacity: 64 + 96 * results.teams.count)
        trailer.write(raw: chain.head.bytes)
        trailer.write(raw: results.encoded())
        Self.frame(.trailer, trailer.bytes, into: &body)
        // Compression of an in-memory buffer only fails when zlib cannot allocate its state;
        // the body is then stored as is (flag 0), which every reader accepts.
        let packed = configuration.compress ? (try? TranscriptGzip.compress(body)) : nil
        let stored = packed ?? body
        var file = CanonicalWriter(capacity: stored.count + 64)
        file.write(raw: TranscriptFormat.magic)
        file.write(byte: configuration.version)
        file.write(byte: packed == nil ? TranscriptFormat.uncompressed : TranscriptFormat.gzip)
        file.write(unsigned: UInt64(body.count))
        file.write(unsigned: UInt64(stored.count))
        file.write(raw: stored)
        let digest = Hash256.of(file.bytes)
        file.write(raw: digest.bytes)
        return Transcript(
            bytes: file.bytes, header: header, root: chain.head, results: results, tickCount: chain.count,
            bodyByteCount: body.count, fileDigest: digest)
    }

    private static func frame(_ kind: TranscriptFormat.FrameKind, _ payload: [UInt8], into body: inout [UInt8]) {
        var writer = CanonicalWriter(capacity: 12)
        writer.write(byte: kind.rawValue)
        writer.write(unsigned: UInt64(payload.count))
        body.append(contentsOf: writer.bytes)
        body.append(contentsOf: payload)
    }
}
