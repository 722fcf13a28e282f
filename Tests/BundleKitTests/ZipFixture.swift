/// Hand-built zip archives for tests: every header byte is written here.
enum ZipFixture {
    struct Entry {
        var name: String
        var data: [UInt8] = []
        /// 0 stored, 8 deflate (compressed here), or anything else (data stored as-is).
        var method: UInt16 = 8
        var flags: UInt16 = 0
        /// Host system in "version made by" (3 = Unix, 0 = MS-DOS).
        var host: UInt8 = 3
        var unixMode: UInt32 = 0o100644
        var crcOverride: UInt32?
        var uncompressedSizeOverride: UInt32?
        var compressedSizeOverride: UInt32?
        var localNameOverride: String?
        var centralExtra: [UInt8] = []
    }

    struct Options {
        var trailing: [UInt8] = []
        var zip64Locator = false
        /// Central records to repeat (for overlapping-entry bombs): index of entry to duplicate.
        var duplicateCentral: Int?
        var entryCountOverride: UInt16?
    }

    static func file(_ name: String, _ text: String, method: UInt16 = 8, mode: UInt32 = 0o100644) -> Entry {
        Entry(name: name, data: Array(text.utf8), method: method, unixMode: mode)
    }

    static let manifest = file("strategy.yaml", "name: demo\nruntime: rules\n")

    static func le16(_ value: UInt16) -> [UInt8] { [UInt8(value & 0xFF), UInt8(value >> 8)] }
    static func le32(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * UInt32($0))) }
    }

    static func archive(_ entries: [Entry], options: Options = Options()) -> [UInt8] {
        var out: [UInt8] = []
        var central: [[UInt8]] = []
        for entry in entries {
            let payload = entry.method == 8 ? Compression.rawDeflate(entry.data) : entry.data
            let crc = entry.crcOverride ?? TestCRC.checksum(entry.data)
            let csize = entry.compressedSizeOverride ?? UInt32(payload.count)
            let usize = entry.uncompressedSizeOverride ?? UInt32(entry.data.count)
            let name = Array(entry.name.utf8)
            let localName = Array((entry.localNameOverride ?? entry.name).utf8)
            let offset = UInt32(out.count)
            out += le32(0x0403_4B50) + le16(20) + le16(entry.flags) + le16(entry.method) + le16(0) + le16(0x21)
            out += le32(crc) + le32(csize) + le32(usize) + le16(UInt16(localName.count)) + le16(0) + localName
            out += payload
            var record = le32(0x0201_4B50) + le16(UInt16(entry.host) << 8 | 20) + le16(20) + le16(entry.flags)
            record += le16(entry.method) + le16(0) + le16(0x21) + le32(crc) + le32(csize) + le32(usize)
            record += le16(UInt16(name.count)) + le16(UInt16(entry.centralExtra.count)) + le16(0) + le16(0) + le16(0)
            record += le32(entry.host == 3 ? entry.unixMode << 16 : 0) + le32(offset) + name + entry.centralExtra
            central.append(record)
        }
        if let index = options.duplicateCentral { central.append(central[index]) }
        let start = UInt32(out.count)
        for record in central { out += record }
        let size = UInt32(out.count) - start
        if options.zip64Locator {
            out += le32(0x0706_4B50) + le32(0) + le32(0) + le32(0) + le32(1)
        }
        let count = options.entryCountOverride ?? UInt16(central.count)
        let directoryStart = options.zip64Locator ? start : start
        out +=
            le32(0x0605_4B50) + le16(0) + le16(0) + le16(count) + le16(count) + le32(size) + le32(directoryStart)
            + le16(0)
        out += options.trailing
        return out
    }
}

/// Independent CRC-32 for fixtures (its own table, written separately from BundleKit's).
enum TestCRC {
    private static let table: [UInt32] = (0..<256).map { (index: UInt32) -> UInt32 in
        var crc = index
        for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        return crc
    }

    static func checksum(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        table.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { bytes in
                for byte in bytes { crc = table[Int(UInt8(truncatingIfNeeded: crc) ^ byte)] ^ (crc >> 8) }
            }
        }
        return ~crc
    }
}
