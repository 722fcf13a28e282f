public import AuditLog
public import MarketEngine

/// One decoded run of an evaluation: what the detectors read.
public struct IntegrityRun: Sendable {
    /// The transcript (header, results, root).
    public let transcript: Transcript
    /// Its tick records.
    public let records: [TickRecord]
    /// The market configuration embedded in the header.
    public let configuration: MarketConfiguration

    /// A run from a transcript already decoded with ``AuditLog/Transcript/decode(_:)``.
    public init(transcript: Transcript, records: [TickRecord]) throws(IntegrityError) {
        self.transcript = transcript
        self.records = records
        do {
            configuration = try transcript.header.configuration()
        } catch {
            throw IntegrityError(.configuration, "run \(transcript.header.runID): \(error.message)")
        }
    }

    /// Decodes a transcript file (structure, file digest and hash chain are checked; signatures
    /// and the engine replay are `arena verify`'s job).
    public init(bytes: [UInt8]) throws(IntegrityError) {
        let decoded: (transcript: Transcript, records: [TickRecord])
        do {
            decoded = try Transcript.decode(bytes)
        } catch {
            throw IntegrityError(.transcript, error.message)
        }
        try self.init(transcript: decoded.transcript, records: decoded.records)
    }
}
