/// Hand-written tar headers for hostile-archive tests (no tar library involved).
enum TarFixture {
    struct Entry {
        var name: String
        var data: [UInt8] = []
        var type: UInt8 = UInt8(ascii: "0")
        var mode: Int = 0o644
        var linkName: String = ""
        /// Override of the size field (for lying headers).
        var declaredSize: Int?
        /// Corrupt the checksum.
        var badChecksum = false
    }

    static func file(_ name: String, _ text: String, mode: Int = 0o644) -> Entry {
        Entry(name: name, data: Array(text.utf8), mode: mode)
    }

    static func pax(_ records: [String: String]) -> Entry {
        var body: [UInt8] = []
        for (key, value) in records.sorted(by: { $0.key < $1.key }) {
            let rest = " \(key)=\(value)\n"
            var length = rest.utf8.count + 1
            while String(length).utf8.count + rest.utf8.count != length {
                length = String(length).utf8.count + rest.utf8.count
            }
            body += Array("\(length)\(rest)".utf8)
        }
        return Entry(name: "PaxHeader", data: body, type: UInt8(ascii: "x"))
    }

    static let manifest = file("strategy.yaml", "name: demo\nruntime: rules\n")

    static func header(_ entry: Entry) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: 512)
        func put(_ bytes: [UInt8], _ offset: Int) {
            for (index, byte) in bytes.enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, _ width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: width - 1 - digits.count) + digits).utf8) + [0]
        }
        put(Array(entry.name.utf8.prefix(100)), 0)
        put(octal(entry.mode, 8), 100)
        put(octal(1000, 8), 108)
        put(octal(1000, 8), 116)
        put(octal(entry.declaredSize ?? entry.data.count, 12), 124)
        put(octal(1_700_000_000, 12), 136)
        put([entry.type], 156)
        put(Array(entry.linkName.utf8.prefix(100)), 157)
        put(Array("ustar\u{0}00".utf8), 257)
        put(Array("alice".utf8), 265)
        put(Array("users".utf8), 297)
        put([UInt8](repeating: 0x20, count: 8), 148)
        let sum = block.reduce(0) { $0 + Int($1) } + (entry.badChecksum ? 1 : 0)
        put(octal(sum, 7) + [0x20], 148)
        return block
    }

    static func archive(_ entries: [Entry], endBlocks: Int = 2) -> [UInt8] {
        var out: [UInt8] = []
        for entry in entries {
            out += header(entry)
            out += entry.data
            let remainder = entry.data.count % 512
            if remainder != 0 { out += [UInt8](repeating: 0, count: 512 - remainder) }
        }
        out += [UInt8](repeating: 0, count: 512 * endBlocks)
        return out
    }
}
