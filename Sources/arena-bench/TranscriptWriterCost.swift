import AuditLog

/// The cost of writing a transcript's records in a given format version.
enum TranscriptWriterCost {
    /// Writes `records` with `transcript`'s header and results in `version` (gzip).
    static func write(_ records: [TickRecord], _ transcript: Transcript, _ version: UInt8) -> Int {
        var writer = TranscriptWriter(header: transcript.header, configuration: .init(compress: true, version: version))
        for record in records { writer.append(record) }
        return writer.finish(results: transcript.results).bytes.count
    }
}
