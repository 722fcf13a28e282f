/// One central-directory record of a zip archive, decoded and sanity-checked.
struct ZipEntry {
    static let signature: UInt32 = 0x0201_4B50
    static let fixedSize = 46

    var rawName: [UInt8]
    var flags: UInt16
    var method: UInt16
    var crc: UInt32
    var compressedSize: Int
    var uncompressedSize: Int
    var localHeaderOffset: Int
    var hostSystem: UInt8
    var externalAttributes: UInt32
    /// Total size of this record in the central directory.
    var recordSize: Int

    var shownName: String { String(decoding: rawName, as: UTF8.self) }

    /// Unix mode from the external attributes, when the archive was made on a Unix host.
    var unixMode: UInt32? {
        hostSystem == 3 || hostSystem == 19 ? externalAttributes >> 16 : nil
    }

    var isDirectory: Bool {
        if rawName.last == UInt8(ascii: "/") { return true }
        if let mode = unixMode, mode & 0o170000 == 0o040000 { return true }
        return unixMode == nil && externalAttributes & 0x10 != 0
    }

    var isExecutable: Bool { (unixMode ?? 0) & 0o111 != 0 }

    init(reader: ByteReader, at offset: Int) throws(BundleError) {
        guard try reader.u32(offset) == Self.signature else {
            throw reader.truncated("bad central directory record")
        }
        hostSystem = UInt8(truncatingIfNeeded: try reader.u16(offset + 4) >> 8)
        flags = try reader.u16(offset + 8)
        method = try reader.u16(offset + 10)
        crc = try reader.u32(offset + 16)
        let compressed = try reader.u32(offset + 20)
        let uncompressed = try reader.u32(offset + 24)
        let nameLength = Int(try reader.u16(offset + 28))
        let extraLength = Int(try reader.u16(offset + 30))
        let commentLength = Int(try reader.u16(offset + 32))
        let diskStart = try reader.u16(offset + 34)
        externalAttributes = try reader.u32(offset + 38)
        let localOffset = try reader.u32(offset + 42)
        rawName = Array(try reader.slice(offset + Self.fixedSize, count: nameLength))
        let extra = try reader.slice(offset + Self.fixedSize + nameLength, count: extraLength)
        recordSize = Self.fixedSize + nameLength + extraLength + commentLength
        compressedSize = Int(compressed)
        uncompressedSize = Int(uncompressed)
        localHeaderOffset = Int(localOffset)
        let shown = String(decoding: rawName, as: UTF8.self)
        if [compressed, uncompressed, localOffset].contains(0xFFFF_FFFF) || diskStart == 0xFFFF
            || Self.hasZip64Extra(extra)
        {
            throw BundleError(
                .unsupportedFormat,
                "zip entry '\(shown)' uses zip64 fields; bundles are small, re-create the zip without zip64",
                path: shown)
        }
        if diskStart != 0 {
            throw BundleError(
                .unsupportedFormat, "multi-disk (split) zip archives are not supported; create a single-file zip",
                path: shown)
        }
    }

    /// Checks for the zip64 extended-information extra field (header id 0x0001).
    private static func hasZip64Extra(_ extra: ArraySlice<UInt8>) -> Bool {
        var index = extra.startIndex
        while index + 4 <= extra.endIndex {
            let id = UInt16(extra[index]) | UInt16(extra[index + 1]) << 8
            let size = Int(UInt16(extra[index + 2]) | UInt16(extra[index + 3]) << 8)
            if id == 0x0001 { return true }
            index += 4 + size
        }
        return false
    }
}
