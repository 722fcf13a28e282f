/// Bounds-checked little-endian reads from an archive buffer. Every read past the end
/// throws ``BundleError/Code/malformedArchive`` instead of trapping.
struct ByteReader {
    let bytes: [UInt8]
    let format: String

    init(_ bytes: [UInt8], format: String) {
        self.bytes = bytes
        self.format = format
    }

    func truncated(_ what: String) -> BundleError {
        BundleError(.malformedArchive, "\(format) is truncated or corrupt (\(what)); re-create the archive")
    }

    func u8(_ offset: Int) throws(BundleError) -> UInt8 {
        guard offset >= 0, offset < bytes.count else { throw truncated("offset \(offset)") }
        return bytes[offset]
    }

    func u16(_ offset: Int) throws(BundleError) -> UInt16 {
        guard offset >= 0, offset <= bytes.count - 2 else { throw truncated("offset \(offset)") }
        return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
    }

    func u32(_ offset: Int) throws(BundleError) -> UInt32 {
        guard offset >= 0, offset <= bytes.count - 4 else { throw truncated("offset \(offset)") }
        var value: UInt32 = 0
        for index in 0..<4 { value |= UInt32(bytes[offset + index]) << (8 * UInt32(index)) }
        return value
    }

    func slice(_ offset: Int, count: Int) throws(BundleError) -> ArraySlice<UInt8> {
        guard offset >= 0, count >= 0, offset <= bytes.count, count <= bytes.count - offset else {
            throw truncated("range \(offset)+\(count)")
        }
        return bytes[offset..<(offset + count)]
    }
}
