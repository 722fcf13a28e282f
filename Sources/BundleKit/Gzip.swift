import CompressNIO
import NIOCore

/// gzip (RFC 1952) framing around raw deflate: header parsing, trailer CRC/size checks, and a
/// deterministic writer (mtime 0, no name, OS byte 255). Exactly one member is accepted; any
/// bytes after its trailer — including a second concatenated member — are refused as trailing garbage.
enum Gzip {
    static let magic: [UInt8] = [0x1F, 0x8B]

    /// Decompresses a single-member gzip file whose output may not exceed `maxOutput` bytes.
    static func decompress(_ data: [UInt8], maxOutput: Int, limits: BundleLimits) throws(BundleError) -> [UInt8] {
        let reader = ByteReader(data, format: "gzip stream")
        guard try reader.u8(0) == 0x1F, try reader.u8(1) == 0x8B else {
            throw BundleError(.unsupportedFormat, "not a gzip file")
        }
        guard try reader.u8(2) == 8 else {
            throw BundleError(.unsupportedFormat, "gzip stream uses an unknown compression method; use standard gzip")
        }
        let flags = try reader.u8(3)
        guard flags & 0xE0 == 0 else {
            throw BundleError(.malformedArchive, "gzip header has reserved flags set; re-create the archive")
        }
        var offset = 10
        if flags & 0x04 != 0 { offset += 2 + Int(try reader.u16(offset)) }
        if flags & 0x08 != 0 { offset = try skipString(reader, from: offset) }
        if flags & 0x10 != 0 { offset = try skipString(reader, from: offset) }
        if flags & 0x02 != 0 { offset += 2 }
        guard offset < data.count else { throw reader.truncated("header") }
        let tooBig = BundleError(
            .tooLarge,
            "bundle.tar.gz unpacks to more than \(BundleLimits.describe(bytes: limits.maxUnpackedBytes)); remove large files"
        )
        let inflater = Inflater(subject: "gzip stream", maxOutput: maxOutput, overflowError: tooBig, limits: limits)
        let (output, consumed) = try inflater.inflate(data[offset...])
        let trailer = offset + consumed
        let crc = try reader.u32(trailer)
        let size = try reader.u32(trailer + 4)
        guard crc == CRC32.checksum(output) else {
            throw BundleError(
                .malformedArchive, "gzip CRC-32 mismatch: the archive is corrupt; re-create and re-upload it")
        }
        guard size == UInt32(truncatingIfNeeded: output.count) else {
            throw BundleError(
                .malformedArchive, "gzip size trailer mismatch: the archive is corrupt; re-create and re-upload it")
        }
        guard trailer + 8 == data.count else {
            throw BundleError(
                .malformedArchive,
                "\(data.count - trailer - 8) bytes of trailing data after the gzip stream; upload a single plain .tar.gz"
            )
        }
        return output
    }

    /// Compresses `data` into a deterministic gzip file.
    static func compress(_ data: [UInt8]) throws(BundleError) -> [UInt8] {
        var result: [UInt8] = [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 0xFF]
        do {
            let compressor = try ZlibCompressor(
                algorithm: .deflate,
                configuration: ZlibConfiguration(
                    windowSize: 15, compressionLevel: 9, memoryLevel: 8, strategy: .default)
            )
            var input = ByteBufferAllocator().buffer(capacity: data.count)
            input.writeBytes(data)
            var output = ByteBufferAllocator().buffer(capacity: compressor.maxSize(from: input))
            try compressor.deflate(from: &input, to: &output, flush: .finish)
            output.withUnsafeReadableBytes { result.append(contentsOf: $0) }
        } catch {
            throw BundleError(.io, "gzip compression failed: \(error)")
        }
        appendLE(CRC32.checksum(data), to: &result)
        appendLE(UInt32(truncatingIfNeeded: data.count), to: &result)
        return result
    }

    private static func appendLE(_ value: UInt32, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    private static func skipString(_ reader: ByteReader, from start: Int) throws(BundleError) -> Int {
        var offset = start
        while try reader.u8(offset) != 0 { offset += 1 }
        return offset + 1
    }
}
