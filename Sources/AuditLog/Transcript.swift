/// A finished transcript file and the facts an attestation signs.
public struct Transcript: Sendable {
    /// The file's bytes, as stored and served.
    public let bytes: [UInt8]
    /// The header.
    public let header: TranscriptHeader
    /// Root of the hash chain.
    public let root: Hash256
    /// The results in the trailer.
    public let results: RunResults
    /// Tick records.
    public let tickCount: Int
    /// Uncompressed body size in bytes.
    public let bodyByteCount: Int
    /// SHA-256 of the file without its last 32 bytes (which store this digest).
    public let fileDigest: Hash256

    /// Creates the value; use ``TranscriptWriter/finish(results:)`` or ``decode(_:)``.
    public init(
        bytes: [UInt8], header: TranscriptHeader, root: Hash256, results: RunResults, tickCount: Int,
        bodyByteCount: Int, fileDigest: Hash256
    ) {
        self.bytes = bytes
        self.header = header
        self.root = root
        self.results = results
        self.tickCount = tickCount
        self.bodyByteCount = bodyByteCount
        self.fileDigest = fileDigest
    }

    /// The manifest an attestation over this transcript signs.
    public var manifest: RunManifest {
        RunManifest(
            runID: header.runID, contestID: header.contestID, configurationHash: header.configurationHash,
            seed: header.seed, engineVersion: header.engineVersion, transcriptRoot: root, resultsDigest: results.digest,
            tickCount: Int64(tickCount), transcriptSHA256: fileDigest)
    }

    /// Decodes a transcript completely, checking its structure, the file digest and the hash chain
    /// (but not the engine replay: see ``TranscriptVerifier``).
    public static func decode(_ bytes: [UInt8]) throws(TranscriptError) -> (
        transcript: Transcript, records: [TickRecord]
    ) {
        var reader = try TranscriptReader(bytes: bytes)
        guard reader.storedFileDigest == reader.computedFileDigest else {
            throw TranscriptError(.integrity, "file digest mismatch")
        }
        var records: [TickRecord] = []
        var chain = HashChain(header: Array(reader.body[reader.headerRange]))
        while let tick = try reader.nextTick() {
            chain.append(tick.bytes, range: tick.range)
            records.append(try tick.decoded())
        }
        guard let trailer = reader.trailer else { throw TranscriptError(.truncated, "no trailer") }
        guard trailer.root == chain.head else {
            throw TranscriptError(.integrity, "chain root \(chain.head) differs from the recorded root \(trailer.root)")
        }
        let transcript = Transcript(
            bytes: bytes, header: reader.header, root: chain.head, results: trailer.results, tickCount: records.count,
            bodyByteCount: reader.body.count, fileDigest: reader.computedFileDigest)
        return (transcript, records)
    }
}
