import CompressNIO
import NIOCore

/// Raw-deflate decompression in bounded chunks, so limits are enforced *while* inflating:
/// output never grows past `maxOutput` (+ one chunk), and the compression ratio is checked
/// after every chunk. Used for gzip members and zip deflate entries.
struct Inflater {
    /// What the decompressed stream is, for error messages ("bundle.tar.gz", "zip entry 'bot.py'").
    var subject: String
    /// Output cap; exceeding it throws `overflowError`.
    var maxOutput: Int
    /// Error thrown when output would exceed `maxOutput`.
    var overflowError: BundleError
    /// Ratio limits.
    var limits: BundleLimits

    static let chunkSize = 64 << 10

    /// Inflates the raw deflate stream at the start of `input`.
    /// - Returns: the output and how many input bytes the stream occupied (the stream must end inside `input`).
    func inflate(_ input: ArraySlice<UInt8>) throws(BundleError) -> (output: [UInt8], consumed: Int) {
        guard !input.isEmpty else { throw malformed("empty compressed stream") }
        let decompressor: ZlibDecompressor
        do {
            decompressor = try ZlibDecompressor(algorithm: .deflate)
        } catch {
            throw BundleError(.io, "could not start decompression: \(error)")
        }
        // One sentinel byte after the real input: a finished stream leaves it unconsumed, a
        // truncated one eats it (or fails), so "ended exactly inside input" is decidable.
        var source = ByteBufferAllocator().buffer(capacity: input.count + 1)
        source.writeBytes(input)
        source.writeInteger(UInt8(0))
        let total = source.readableBytes
        var window = ByteBufferAllocator().buffer(capacity: Self.chunkSize)
        var output: [UInt8] = []
        while true {
            window.clear()
            var finished = false
            do {
                try decompressor.inflate(from: &source, to: &window)
                finished = true
            } catch let error as CompressNIOError where error == .bufferOverflow {
                finished = false
            } catch let error as CompressNIOError where error == .inputBufferOverflow {
                throw malformed("compressed stream is truncated")
            } catch {
                throw malformed("corrupt compressed data")
            }
            try append(window, to: &output, consumed: total - source.readableBytes)
            if finished { break }
            if source.readableBytes == 0 { throw malformed("compressed stream is truncated") }
        }
        guard source.readableBytes >= 1 else { throw malformed("compressed stream is truncated") }
        return (output, total - source.readableBytes)
    }

    private func append(_ window: ByteBuffer, to output: inout [UInt8], consumed: Int) throws(BundleError) {
        guard window.readableBytes > 0 else { return }
        if window.readableBytes > maxOutput - output.count { throw overflowError }
        window.withUnsafeReadableBytes { output.append(contentsOf: $0) }
        if output.count > limits.ratioCheckFloorBytes, output.count / max(consumed, 1) > limits.maxCompressionRatio {
            throw BundleError(
                .decompressionBomb,
                "\(subject) expands more than \(limits.maxCompressionRatio)x (\(output.count) bytes from \(consumed)); this looks like a decompression bomb — upload the real files"
            )
        }
    }

    private func malformed(_ what: String) -> BundleError {
        BundleError(.malformedArchive, "\(subject): \(what); re-create the archive")
    }
}
