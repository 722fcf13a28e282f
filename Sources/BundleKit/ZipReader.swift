/// Reads a zip archive into a ``BundleBuilder``.
///
/// Supported: stored (0) and deflate (8) entries, Unix or DOS attributes, data descriptors.
/// Refused: encrypted entries, zip64 (any 0xFFFF/0xFFFFFFFF marker, zip64 extra field or locator),
/// multi-disk archives, symlink/device/FIFO/socket modes in the external attributes, entries whose
/// local header disagrees with the central directory, overlapping entries (the "overlapping files"
/// bomb), data before the central directory that is unaccounted for, trailing data after the
/// end-of-central-directory record, CRC-32 mismatches, and deflate streams that produce more than
/// their declared size (checked while inflating).
struct ZipReader {
    static let localSignature: [UInt8] = [0x50, 0x4B, 0x03, 0x04]
    static let emptySignature: [UInt8] = [0x50, 0x4B, 0x05, 0x06]
    private static let endSignature: UInt32 = 0x0605_4B50
    private static let zip64LocatorSignature: UInt32 = 0x0706_4B50

    let reader: ByteReader
    let limits: BundleLimits

    init(bytes: [UInt8], limits: BundleLimits) {
        self.reader = ByteReader(bytes, format: "zip archive")
        self.limits = limits
    }

    static func looksLikeZip(_ bytes: [UInt8]) -> Bool {
        bytes.starts(with: localSignature) || bytes.starts(with: emptySignature)
    }

    func read(into builder: inout BundleBuilder) throws(BundleError) {
        let end = try findEnd()
        let entries = try centralDirectory(end)
        try builder.checkBudget(adding: entries.reduce(0) { $0 + ($1.isDirectory ? 0 : $1.uncompressedSize) })
        var previousEnd = 0
        for entry in entries.sorted(by: { $0.localHeaderOffset < $1.localHeaderOffset }) {
            let range = try dataRange(of: entry)
            guard entry.localHeaderOffset >= previousEnd, range.upperBound <= end.directoryOffset else {
                throw BundleError(
                    .malformedArchive, "zip entries overlap or run into the central directory; re-create the zip",
                    path: entry.shownName)
            }
            previousEnd = range.upperBound
        }
        for entry in entries {
            try read(entry, into: &builder)
        }
    }

    private struct End {
        var directoryOffset: Int
        var directorySize: Int
        var entryCount: Int
    }

    private func findEnd() throws(BundleError) -> End {
        let bytes = reader.bytes
        var offset = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 0xFFFF)
        while offset >= lowest {
            if try reader.u32(offset) == Self.endSignature,
                offset + 22 + Int(try reader.u16(offset + 20)) == bytes.count
            {
                return try decodeEnd(at: offset)
            }
            offset -= 1
        }
        throw BundleError(
            .malformedArchive,
            "zip end-of-central-directory record not found (truncated, or trailing data after it); re-create the zip")
    }

    private func decodeEnd(at offset: Int) throws(BundleError) -> End {
        if offset >= 20, try reader.u32(offset - 20) == Self.zip64LocatorSignature {
            throw BundleError(.unsupportedFormat, "zip64 archives are not supported; re-create the zip without zip64")
        }
        let disk = try reader.u16(offset + 4)
        let directoryDisk = try reader.u16(offset + 6)
        let entriesOnDisk = try reader.u16(offset + 8)
        let entries = try reader.u16(offset + 10)
        let size = try reader.u32(offset + 12)
        let start = try reader.u32(offset + 16)
        if [disk, directoryDisk, entriesOnDisk, entries].contains(0xFFFF) || [size, start].contains(0xFFFF_FFFF) {
            throw BundleError(.unsupportedFormat, "zip64 archives are not supported; re-create the zip without zip64")
        }
        guard disk == 0, directoryDisk == 0, entriesOnDisk == entries else {
            throw BundleError(
                .unsupportedFormat, "multi-disk (split) zip archives are not supported; create a single-file zip")
        }
        guard Int(start) + Int(size) == offset else {
            throw BundleError(
                .malformedArchive, "zip central directory is not where the end record says; re-create the zip")
        }
        return End(directoryOffset: Int(start), directorySize: Int(size), entryCount: Int(entries))
    }

    private func centralDirectory(_ end: End) throws(BundleError) -> [ZipEntry] {
        if end.entryCount > limits.maxFiles + limits.maxDirectoryEntries {
            throw BundleError(
                .tooManyFiles,
                "zip has \(end.entryCount) entries, more than \(limits.maxFiles) files allow; remove files you do not need"
            )
        }
        var entries: [ZipEntry] = []
        var offset = end.directoryOffset
        for _ in 0..<end.entryCount {
            let entry = try ZipEntry(reader: reader, at: offset)
            offset += entry.recordSize
            entries.append(entry)
        }
        guard offset == end.directoryOffset + end.directorySize else {
            throw BundleError(
                .malformedArchive, "zip central directory size does not match its entries; re-create the zip")
        }
        return entries
    }

    /// Validates the local header against the central record and returns the compressed data range.
    private func dataRange(of entry: ZipEntry) throws(BundleError) -> Range<Int> {
        let offset = entry.localHeaderOffset
        guard try reader.slice(offset, count: 4).elementsEqual(Self.localSignature) else {
            throw BundleError(
                .malformedArchive, "zip local header missing for '\(entry.shownName)'; re-create the zip",
                path: entry.shownName)
        }
        let flags = try reader.u16(offset + 6)
        let method = try reader.u16(offset + 8)
        let nameLength = Int(try reader.u16(offset + 26))
        let extraLength = Int(try reader.u16(offset + 28))
        let name = try reader.slice(offset + 30, count: nameLength)
        guard name.elementsEqual(entry.rawName), method == entry.method, (flags ^ entry.flags) & 0x41 == 0 else {
            throw BundleError(
                .malformedArchive,
                "zip local header disagrees with the central directory for '\(entry.shownName)'; re-create the zip",
                path: entry.shownName)
        }
        let start = offset + 30 + nameLength + extraLength
        _ = try reader.slice(start, count: entry.compressedSize)
        return start..<(start + entry.compressedSize)
    }

    private func read(_ entry: ZipEntry, into builder: inout BundleBuilder) throws(BundleError) {
        let name = entry.shownName
        let checked = try PathRules.check(raw: entry.rawName, limits: limits)
        if let mode = entry.unixMode {
            switch mode & 0o170000 {
            case 0, 0o100000, 0o040000: break
            case 0o120000:
                throw BundleError(
                    .link,
                    "'\(name)' is a symbolic link; bundles may only contain regular files — copy the target file in instead",
                    path: name)
            default:
                throw BundleError(
                    .deviceOrSpecial,
                    "'\(name)' is a device, FIFO or socket; bundles may only contain regular files and directories",
                    path: name)
            }
        }
        if entry.flags & 0x41 != 0 || entry.method == 99 {
            throw BundleError(.encrypted, "'\(name)' is encrypted; upload an unencrypted zip", path: name)
        }
        if entry.isDirectory {
            guard entry.uncompressedSize == 0 else {
                throw BundleError(
                    .malformedArchive, "zip directory entry '\(name)' has data; re-create the zip", path: name)
            }
            let slashed = checked.isDirectory ? checked : PathRules.Checked(path: checked.path, isDirectory: true)
            try builder.addDirectory(slashed)
            return
        }
        try builder.checkFileCount()
        let data = try reader.slice(try dataRange(of: entry).lowerBound, count: entry.compressedSize)
        let bytes = try ZipEntryDecoder(entry: entry, limits: limits).decode(data)
        try builder.addFile(checked, bytes: bytes, executable: entry.isExecutable)
    }
}
