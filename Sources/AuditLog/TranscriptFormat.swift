/// Constants of the transcript file format (docs/AUDIT.md, "File layout").
///
/// ```
/// "PATX"  format version (1 byte: 2; 1 still read)  compression (1 byte: 0 none, 1 ArenaLZ, 2 gzip)
/// varint body length   varint stored length   stored bytes (the body, maybe compressed)
/// SHA-256 of every preceding byte (32 bytes)
/// ```
/// The body is a sequence of frames `kind (1 byte), varint length, payload`: one header frame,
/// the tick records, one trailer frame (root, results), and nothing after it. Version 1 stores one
/// tick frame per record in its canonical encoding; version 2 one packed frame holding every
/// record in columns, as differences from predictions (``PackedTickWriter``). The hash chain
/// covers the canonical encoding in both, so the same run has the same root in either version.
public enum TranscriptFormat {
    /// File magic.
    public static let magic: [UInt8] = Array("PATX".utf8)
    /// Current format version: tick records packed in columns.
    public static let version: UInt8 = 2
    /// The first format version (one canonical frame per tick record), still read and written
    /// on request (``TranscriptWriter/Configuration/version``).
    public static let version1: UInt8 = 1
    /// Compression byte: stored as is.
    public static let uncompressed: UInt8 = 0
    /// Compression byte: ``ArenaLZ`` (written until 2026-12; still read).
    public static let arenaLZ: UInt8 = 1
    /// Compression byte: one gzip member (deflate), what new transcripts use.
    public static let gzip: UInt8 = 2
    /// Largest body accepted when reading (guards decompression of hostile files): 4 GiB.
    public static let maximumBodyLength: UInt64 = 1 << 32
    /// Most inputs one tick record may declare when read (a 1,000-team heat at 100 actions per
    /// team and tick is 100,000): bounds what a hostile record's counts make a reader allocate.
    public static let maximumRecordInputs = 1 << 20
    /// Most events one tick record may declare when read.
    public static let maximumRecordEvents = 1 << 22

    /// Frame kinds.
    public enum FrameKind: UInt8, Sendable {
        case header = 1
        case tick = 2
        case trailer = 3
        /// Version 2: every tick record, packed (``PackedTickWriter``).
        case packedTicks = 4
    }
}
