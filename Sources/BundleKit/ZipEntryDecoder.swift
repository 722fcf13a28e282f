/// Decompresses and verifies the data of one zip entry (stored or deflate).
struct ZipEntryDecoder {
    let entry: ZipEntry
    let limits: BundleLimits

    func decode(_ data: ArraySlice<UInt8>) throws(BundleError) -> [UInt8] {
        let name = entry.shownName
        let bytes: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.uncompressedSize else {
                throw BundleError(
                    .malformedArchive,
                    "stored zip entry '\(name)' has different compressed and uncompressed sizes; re-create the zip",
                    path: name)
            }
            bytes = Array(data)
        case 8:
            if entry.uncompressedSize > limits.ratioCheckFloorBytes,
                entry.uncompressedSize / max(entry.compressedSize, 1) > limits.maxCompressionRatio
            {
                throw bomb("declares a compression ratio above \(limits.maxCompressionRatio)x")
            }
            let inflater = Inflater(
                subject: "zip entry '\(name)'",
                maxOutput: entry.uncompressedSize,
                overflowError: bomb("inflates to more than its declared \(entry.uncompressedSize) bytes"),
                limits: limits
            )
            let (output, consumed) = try inflater.inflate(data)
            guard output.count == entry.uncompressedSize, consumed == data.count else {
                throw BundleError(
                    .malformedArchive, "zip entry '\(name)' does not match its declared sizes; re-create the zip",
                    path: name)
            }
            bytes = output
        default:
            throw BundleError(
                .unsupportedFormat,
                "zip entry '\(name)' uses compression method \(entry.method); only stored and deflate are supported — re-create the zip with default settings",
                path: name)
        }
        guard CRC32.checksum(bytes) == entry.crc else {
            throw BundleError(
                .malformedArchive, "zip entry '\(name)' fails its CRC-32 check: the archive is corrupt; re-create it",
                path: name)
        }
        return bytes
    }

    private func bomb(_ what: String) -> BundleError {
        BundleError(
            .decompressionBomb,
            "zip entry '\(entry.shownName)' \(what); this looks like a decompression bomb — upload the real files",
            path: entry.shownName)
    }
}
