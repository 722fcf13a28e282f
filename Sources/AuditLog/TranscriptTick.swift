/// One tick record as ``TranscriptReader/nextTick()`` hands it out: its canonical (version-1)
/// encoding, which the hash chain covers and the verifier compares, at `bytes[range]`, and the
/// decoded record when the file's format had to decode it to get there (version 2).
public struct TranscriptTick: Sendable {
    /// Holds the canonical record at ``range`` (for version 1, the whole body).
    public let bytes: [UInt8]
    /// The canonical record's range in ``bytes``.
    public let range: Range<Int>
    /// The record, when already decoded.
    public let record: TickRecord?
    /// Where the event section (event count, events) starts in ``bytes``, when ``record`` is set.
    public let eventSection: Int?

    /// Creates the value.
    public init(bytes: [UInt8], range: Range<Int>, record: TickRecord?, eventSection: Int? = nil) {
        self.bytes = bytes
        self.range = range
        self.record = record
        self.eventSection = eventSection
    }

    /// The record, decoded from the canonical bytes when not already.
    public func decoded() throws(TranscriptError) -> TickRecord {
        if let record { return record }
        return try TickRecord.decode(bytes, range: range)
    }
}
