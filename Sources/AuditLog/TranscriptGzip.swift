import CompressNIO
import NIOCore

/// The transcript body's compression since format flag 2: one gzip member (RFC 1952, deflate,
/// zlib's default level, mtime 0), so any gzip tool opens a transcript body:
/// `tail -c +OFFSET run.patx | head -c STORED | gunzip`. Replaces ``ArenaLZ`` for new files
/// (measured 3× smaller or better on runner transcripts, docs/PERFORMANCE.md "Audit"); files
/// written with ``ArenaLZ`` still open.
///
/// Deterministic for a given zlib build: the same body gives the same bytes. A transcript's
/// digest covers the stored bytes, so verification re-hashes the file as stored and never
/// recompresses.
enum TranscriptGzip {
    /// Largest ratio deflate can reach (its format limit is ≈ 1,032:1); a declared body beyond
    /// it cannot come from the stored bytes and is refused before anything is allocated.
    static let maximumRatio: UInt64 = 1_040

    /// Compresses `body` into one gzip member.
    static func compress(_ body: [UInt8]) throws(TranscriptError) -> [UInt8] {
        do {
            let compressor = try ZlibCompressor(
                algorithm: .gzip,
                configuration: ZlibConfiguration(
                    windowSize: 15, compressionLevel: 6, memoryLevel: 8, strategy: .default))
            var input = ByteBufferAllocator().buffer(capacity: body.count)
            input.writeBytes(body)
            var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
            try compressor.deflate(from: &input, to: &output, flush: .finish)
            return output.withUnsafeReadableBytes { Array($0) }
        } catch {
            throw TranscriptError(.corruptCompression, "gzip compression failed: \(error)")
        }
    }

    /// Decompresses the gzip member in `file[range]`, which must expand to exactly
    /// `expectedCount` bytes and end exactly at the range's end.
    static func decompress(_ file: [UInt8], range: Range<Int>, expectedCount: Int) throws(TranscriptError)
        -> [UInt8]
    {
        guard range.count < Int(UInt32.max), expectedCount < Int(UInt32.max) - 1 else {
            throw TranscriptError(.malformed, "compressed body too large")
        }
        guard UInt64(expectedCount) <= UInt64(range.count) * maximumRatio + 64 else {
            throw TranscriptError(
                .malformed, "declared body of \(expectedCount) bytes cannot come from \(range.count) bytes")
        }
        var output = ByteBufferAllocator().buffer(capacity: expectedCount + 1)
        do {
            let decompressor = try ZlibDecompressor(algorithm: .gzip)
            var input = ByteBufferAllocator().buffer(capacity: range.count)
            input.writeBytes(file[range])
            try decompressor.inflate(from: &input, to: &output)
            guard input.readableBytes == 0 else {
                throw TranscriptError(.corruptCompression, "\(input.readableBytes) bytes after the gzip member")
            }
        } catch let error as TranscriptError {
            throw error
        } catch {
            throw TranscriptError(.corruptCompression, "gzip body does not inflate: \(error)")
        }
        guard output.readableBytes == expectedCount else {
            throw TranscriptError(
                .corruptCompression, "decompressed \(output.readableBytes) bytes, expected \(expectedCount)")
        }
        return output.withUnsafeReadableBytes { Array($0) }
    }
}
