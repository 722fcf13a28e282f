/// One 512-byte tar header block.
struct TarHeader {
    let raw: ArraySlice<UInt8>

    init(_ raw: ArraySlice<UInt8>) {
        self.raw = raw
    }

    private func field(_ offset: Int, _ length: Int) -> ArraySlice<UInt8> {
        raw[(raw.startIndex + offset)..<(raw.startIndex + offset + length)]
    }

    var isZero: Bool { raw.allSatisfy { $0 == 0 } }
    var typeflag: UInt8 { raw[raw.startIndex + 156] }
    private var isPosixUstar: Bool { Array(field(257, 8)) == Array("ustar\u{0}00".utf8) }
    private var isGnuTar: Bool { Array(field(257, 8)) == Array("ustar  \u{0}".utf8) }

    /// Entry name: `prefix/name` for POSIX ustar, `name` otherwise (GNU reuses the prefix area).
    var name: [UInt8] {
        let name = Array(field(0, 100).prefix { $0 != 0 })
        guard isPosixUstar else { return name }
        let prefix = Array(field(345, 155).prefix { $0 != 0 })
        return prefix.isEmpty ? name : prefix + [UInt8(ascii: "/")] + name
    }

    func verify() throws(BundleError) {
        guard isPosixUstar || isGnuTar else {
            throw BundleError(
                .unsupportedFormat,
                "tar header without ustar magic; create the archive with a POSIX (ustar/pax) or GNU tar")
        }
        let stored = try Self.octal(field(148, 8), what: "checksum")
        var unsigned = 0
        var signed = 0
        for (index, byte) in raw.enumerated() {
            let value = (148..<156).contains(index) ? 0x20 : byte
            unsigned += Int(value)
            signed += Int(Int8(bitPattern: value))
        }
        guard stored == unsigned || stored == signed else {
            throw BundleError(.malformedArchive, "tar header checksum mismatch: the archive is corrupt; re-create it")
        }
    }

    func size() throws(BundleError) -> Int {
        let field = field(124, 12)
        if let first = field.first, first & 0x80 != 0 {
            throw BundleError(.tooLarge, "tar entry uses a base-256 size (file of many GiB); remove large files")
        }
        return try Self.octal(field, what: "size")
    }

    func mode() throws(BundleError) -> Int {
        try Self.octal(field(100, 8), what: "mode")
    }

    /// Parses a NUL- or space-terminated octal field with optional leading spaces.
    static func octal(_ field: ArraySlice<UInt8>, what: String) throws(BundleError) -> Int {
        var value = 0
        var started = false
        for byte in field {
            if byte == UInt8(ascii: " ") || byte == 0 {
                if started { break } else { continue }
            }
            guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(byte), value < 1 << 40 else {
                throw BundleError(.malformedArchive, "tar header has a bad \(what) field; re-create the archive")
            }
            started = true
            value = value * 8 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}
