/// Writes a deterministic POSIX ustar stream: entries in the given order, regular files only,
/// mode 0644/0755, uid/gid 0, empty owner names, mtime 0. Paths that do not fit the ustar
/// name/prefix fields get a pax `path` record.
enum TarWriter {
    static func archive(_ files: [BundleFile]) -> [UInt8] {
        var out: [UInt8] = []
        for file in files {
            let path = Array(file.path.utf8)
            if let (prefix, name) = split(path) {
                out += header(
                    name: name, prefix: prefix, size: file.bytes.count, mode: file.executable ? 0o755 : 0o644, type: "0"
                )
            } else {
                let record = paxRecord(key: "path", value: path)
                out += header(name: Array("PaxHeader".utf8), prefix: [], size: record.count, mode: 0o644, type: "x")
                out += padded(record)
                out += header(
                    name: Array(path.suffix(100)), prefix: [], size: file.bytes.count,
                    mode: file.executable ? 0o755 : 0o644, type: "0")
            }
            out += padded(file.bytes)
        }
        out += [UInt8](repeating: 0, count: 2 * TarReader.block)
        return out
    }

    /// Splits a path into ustar (prefix, name) fields, or nil if it cannot be represented.
    private static func split(_ path: [UInt8]) -> (prefix: [UInt8], name: [UInt8])? {
        if path.count <= 100 { return ([], path) }
        for index in path.indices.reversed() where path[index] == UInt8(ascii: "/") {
            let prefix = Array(path[..<index])
            let name = Array(path[(index + 1)...])
            if prefix.count <= 155, name.count <= 100, !name.isEmpty { return (prefix, name) }
        }
        return nil
    }

    private static func paxRecord(key: String, value: [UInt8]) -> [UInt8] {
        let body = Array(" \(key)=".utf8) + value + [UInt8(ascii: "\n")]
        var length = body.count + 1
        while String(length).utf8.count + body.count != length { length = String(length).utf8.count + body.count }
        return Array(String(length).utf8) + body
    }

    private static func padded(_ bytes: [UInt8]) -> [UInt8] {
        let remainder = bytes.count % TarReader.block
        return remainder == 0 ? bytes : bytes + [UInt8](repeating: 0, count: TarReader.block - remainder)
    }

    private static func header(name: [UInt8], prefix: [UInt8], size: Int, mode: Int, type: Character) -> [UInt8] {
        var block = [UInt8](repeating: 0, count: TarReader.block)
        func put(_ bytes: [UInt8], at offset: Int) {
            for (index, byte) in bytes.enumerated() { block[offset + index] = byte }
        }
        func octal(_ value: Int, width: Int) -> [UInt8] {
            let digits = String(value, radix: 8)
            return Array((String(repeating: "0", count: max(width - 1 - digits.count, 0)) + digits).utf8) + [0]
        }
        put(name, at: 0)
        put(octal(mode, width: 8), at: 100)
        put(octal(0, width: 8), at: 108)
        put(octal(0, width: 8), at: 116)
        put(octal(size, width: 12), at: 124)
        put(octal(0, width: 12), at: 136)
        put(Array(String(type).utf8), at: 156)
        put(Array("ustar\u{0}00".utf8), at: 257)
        put(prefix, at: 345)
        put([UInt8](repeating: UInt8(ascii: " "), count: 8), at: 148)
        let sum = block.reduce(0) { $0 + Int($1) }
        put(octal(sum, width: 7) + [UInt8(ascii: " ")], at: 148)
        return block
    }
}
