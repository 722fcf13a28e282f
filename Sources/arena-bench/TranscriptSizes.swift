import AuditLog

/// Transcript size comparisons for the benchmarks: the same records in another format version.
enum TranscriptSizes {
    /// `transcript`'s records, header and results written again in `version` (gzip).
    static func rewritten(_ transcript: Transcript, version: UInt8) -> Transcript? {
        guard let (decoded, records) = try? Transcript.decode(transcript.bytes) else { return nil }
        var writer = TranscriptWriter(header: decoded.header, configuration: .init(compress: true, version: version))
        for record in records { writer.append(record) }
        return writer.finish(results: decoded.results)
    }
}
