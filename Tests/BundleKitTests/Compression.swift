import CompressNIO
import NIOCore

/// zlib helpers for building test archives (independent of BundleKit's own gzip writer).
enum Compression {
    static func gzip(_ data: [UInt8]) -> [UInt8] {
        compress(data, algorithm: .gzip)
    }

    static func rawDeflate(_ data: [UInt8]) -> [UInt8] {
        compress(data, algorithm: .deflate)
    }

    private static func compress(_ data: [UInt8], algorithm: ZlibAlgorithm) -> [UInt8] {
        do {
            let compressor = try ZlibCompressor(algorithm: algorithm)
            var input = ByteBufferAllocator().buffer(capacity: data.count)
            input.writeBytes(data)
            var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
            try compressor.deflate(from: &input, to: &output, flush: .finish)
            return Array(output.readableBytesView)
        } catch {
            fatalError("test compression failed: \(error)")
        }
    }

    /// A gzip member whose deflate stream expands to `chunks` x `chunkSize` zero bytes (prefixed by
    /// `header`), built by compressing one zero chunk with a sync flush and repeating that
    /// byte-aligned segment: the stream is real and decompresses to the full size, but building it
    /// costs one chunk of work and a few MiB of memory at most.
    static func zeroBomb(header: [UInt8], chunks: Int, chunkSize: Int = 1 << 20) -> [UInt8] {
        do {
            let compressor = try ZlibCompressor(
                algorithm: .deflate, configuration: ZlibConfiguration(compressionLevel: 9))
            func deflate(_ bytes: [UInt8], flush: CompressNIOFlush) throws -> [UInt8] {
                var input = ByteBufferAllocator().buffer(capacity: max(bytes.count, 1))
                input.writeBytes(bytes)
                var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
                try compressor.deflate(from: &input, to: &output, flush: flush)
                return Array(output.readableBytesView)
            }
            let prefix = try deflate(header, flush: .sync)
            let zeros = try deflate([UInt8](repeating: 0, count: chunkSize), flush: .sync)
            var stream = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF] + prefix
            stream.reserveCapacity(stream.count + zeros.count * chunks + 16)
            for _ in 0..<chunks { stream += zeros }
            stream += [0x03, 0x00]  // empty final fixed-Huffman block
            stream += [0, 0, 0, 0, 0, 0, 0, 0]  // trailer (never reached)
            return stream
        } catch {
            fatalError("test compression failed: \(error)")
        }
    }
}
