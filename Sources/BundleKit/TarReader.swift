/// Reads a POSIX ustar / GNU tar stream into a ``BundleBuilder``.
///
/// Accepted entry types: regular files (`'0'`, NUL) and directories (`'5'`). Also understood:
/// pax extended headers (`'x'`: only the `path` key is used; a `size` key is refused, other keys
/// such as mtime or xattrs are ignored), pax global headers (`'g'`, ignored entirely) and GNU long
/// names (`'L'`). Refused: hard and symbolic links (`'1'`, `'2'`, GNU `'K'`) as ``BundleError/Code/link``,
/// character/block devices and FIFOs (`'3'`, `'4'`, `'6'`) as ``BundleError/Code/deviceOrSpecial``,
/// anything else as ``BundleError/Code/unsupportedFormat``. Headers must have valid checksums, the archive must end
/// with a zero block, and anything after it must be zero padding.
struct TarReader {
    static let block = 512
    let bytes: [UInt8]
    let limits: BundleLimits

    /// Whether `bytes` starts with a ustar header.
    static func looksLikeTar(_ bytes: [UInt8]) -> Bool {
        bytes.count >= block && Array(bytes[257..<262]) == Array("ustar".utf8)
    }

    func read(into builder: inout BundleBuilder) throws(BundleError) {
        var offset = 0
        var longName: [UInt8]?
        while true {
            guard offset + Self.block <= bytes.count else {
                throw malformed("tar archive ends without an end-of-archive marker")
            }
            let header = TarHeader(bytes[offset..<(offset + Self.block)])
            if header.isZero {
                guard bytes[offset...].allSatisfy({ $0 == 0 }) else {
                    throw malformed("data after the tar end-of-archive marker")
                }
                return
            }
            try header.verify()
            let size = try header.size()
            let dataStart = offset + Self.block
            guard size <= bytes.count - dataStart else { throw malformed("tar entry data is truncated") }
            let data = bytes[dataStart..<(dataStart + size)]
            offset = dataStart + (size + Self.block - 1) / Self.block * Self.block
            let rawName = longName ?? header.name
            switch header.typeflag {
            case UInt8(ascii: "x"):
                longName = try paxPath(data) ?? longName
                continue
            case UInt8(ascii: "g"):
                guard size <= 64 << 10 else { throw malformed("pax global header too large") }
                continue
            case UInt8(ascii: "L"):
                guard size <= 4096 else { throw malformed("GNU long name too large") }
                longName = Array(data.prefix { $0 != 0 })
                continue
            default:
                longName = nil
            }
            try entry(header, rawName: rawName, data: data, into: &builder)
        }
    }

    private func entry(
        _ header: TarHeader, rawName: [UInt8], data: ArraySlice<UInt8>, into builder: inout BundleBuilder
    ) throws(BundleError) {
        let shown = String(decoding: rawName, as: UTF8.self)
        switch header.typeflag {
        case UInt8(ascii: "0"), 0:
            let checked = try PathRules.check(raw: rawName, limits: limits)
            try builder.addFile(checked, bytes: Array(data), executable: try header.mode() & 0o111 != 0)
        case UInt8(ascii: "5"):
            let slashed = rawName.last == UInt8(ascii: "/") ? rawName : rawName + [UInt8(ascii: "/")]
            try builder.addDirectory(try PathRules.check(raw: slashed, limits: limits))
        case UInt8(ascii: "1"), UInt8(ascii: "2"), UInt8(ascii: "K"):
            throw BundleError(
                .link, "'\(shown)' is a link; bundles may only contain regular files — copy the target file in instead",
                path: shown)
        case UInt8(ascii: "3"), UInt8(ascii: "4"), UInt8(ascii: "6"):
            throw BundleError(
                .deviceOrSpecial,
                "'\(shown)' is a device or FIFO; bundles may only contain regular files and directories", path: shown)
        default:
            let type = String(decoding: [header.typeflag], as: UTF8.self)
            throw BundleError(
                .unsupportedFormat,
                "'\(shown)' has unsupported tar entry type '\(type)'; bundles may only contain regular files and directories",
                path: shown)
        }
    }

    /// Parses pax records (`"<len> key=value\n"`), returning the `path` value if present.
    private func paxPath(_ data: ArraySlice<UInt8>) throws(BundleError) -> [UInt8]? {
        guard data.count <= 64 << 10 else { throw malformed("pax header too large") }
        var path: [UInt8]?
        var index = data.startIndex
        while index < data.endIndex {
            guard let space = data[index...].firstIndex(of: UInt8(ascii: " ")),
                let length = Int(String(decoding: data[index..<space], as: UTF8.self)),
                length > space - index + 1, length <= data.endIndex - index
            else { throw malformed("bad pax record") }
            let record = data[(space + 1)..<(index + length)]
            guard record.last == UInt8(ascii: "\n"), let equals = record.firstIndex(of: UInt8(ascii: "=")) else {
                throw malformed("bad pax record")
            }
            let key = String(decoding: record[record.startIndex..<equals], as: UTF8.self)
            let value = Array(record[(equals + 1)..<(record.endIndex - 1)])
            if key == "path" { path = value }
            if key == "size" {
                throw BundleError(
                    .unsupportedFormat,
                    "tar pax 'size' records are not supported; files that large cannot be in a bundle")
            }
            index += length
        }
        return path
    }

    private func malformed(_ what: String) -> BundleError {
        BundleError(.malformedArchive, "\(what); re-create the archive with a standard tar")
    }
}
