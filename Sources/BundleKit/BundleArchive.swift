public import Foundation

/// Entry points for turning uploads and local directories into validated ``Bundle``s and back.
///
/// Accepted archive formats, detected by magic bytes: gzip-compressed tar (`1f 8b`), plain tar
/// (`ustar` at offset 257) and zip (`PK\3\4`, or the empty-zip `PK\5\6`). See ``TarReader``,
/// ``ZipReader`` and ``Gzip`` for exactly what each accepts. Every path refuses with a
/// ``BundleError`` whose message tells the uploader what to change.
public enum BundleArchive {
    /// File and directory names skipped by ``load(directory:limits:)`` and ``pack(directory:limits:)``
    /// (version-control metadata and caches). Archives are not filtered.
    public static let ignoredNames: Set<String> = [".git", ".hg", ".svn", "__pycache__", ".DS_Store"]

    /// Unpacks an uploaded archive (tar.gz, tar or zip) into memory, enforcing `limits` while decompressing.
    public static func unpack(_ archive: [UInt8], limits: BundleLimits) throws(BundleError) -> Bundle {
        try checkArchiveSize(archive.count, limits: limits)
        var builder = BundleBuilder(limits: limits)
        if archive.starts(with: Gzip.magic) {
            let overhead = (limits.maxFiles + limits.maxDirectoryEntries) * 2 * TarReader.block + (64 << 10)
            let tar = try Gzip.decompress(archive, maxOutput: limits.maxUnpackedBytes + overhead, limits: limits)
            guard TarReader.looksLikeTar(tar) else {
                throw BundleError(
                    .unsupportedFormat,
                    "the gzip file does not contain a tar archive; upload a .tar.gz, .tar or .zip of the bundle directory"
                )
            }
            try TarReader(bytes: tar, limits: limits).read(into: &builder)
        } else if ZipReader.looksLikeZip(archive) {
            try ZipReader(bytes: archive, limits: limits).read(into: &builder)
        } else if TarReader.looksLikeTar(archive) {
            try TarReader(bytes: archive, limits: limits).read(into: &builder)
        } else {
            throw BundleError(
                .unsupportedFormat,
                "unrecognised archive format; upload a .tar.gz, .tar or .zip of the bundle directory")
        }
        return try builder.finish()
    }

    /// ``unpack(_:limits:)`` for `Data`.
    public static func unpack(_ archive: Data, limits: BundleLimits) throws(BundleError) -> Bundle {
        try checkArchiveSize(archive.count, limits: limits)
        return try unpack([UInt8](archive), limits: limits)
    }

    /// Packs a local directory into a deterministic tar.gz (sorted entries, mtime 0, uid/gid 0,
    /// modes 0644/0755, no directory entries), after applying the same rules as ``load(directory:limits:)``.
    /// Fails with ``BundleError/Code/tooLarge`` if the result exceeds `limits.maxArchiveBytes`.
    public static func pack(directory: String, limits: BundleLimits) throws(BundleError) -> [UInt8] {
        try pack(try load(directory: directory, limits: limits), limits: limits)
    }

    /// Packs an in-memory bundle into a deterministic tar.gz.
    public static func pack(_ bundle: Bundle, limits: BundleLimits) throws(BundleError) -> [UInt8] {
        let archive = try Gzip.compress(TarWriter.archive(bundle.files))
        guard archive.count <= limits.maxArchiveBytes else {
            throw BundleError(
                .tooLarge,
                "bundle compresses to \(archive.count) bytes, more than the \(BundleLimits.describe(bytes: limits.maxArchiveBytes)) upload limit; remove large files"
            )
        }
        return archive
    }

    /// Materialises `bundle` into `directory`, which the caller has just created and which must be
    /// empty. Never follows links; fails if anything already exists at a target path. On failure the
    /// directory may hold a partial bundle: the caller should remove it.
    public static func write(_ bundle: Bundle, to directory: String) throws(BundleError) {
        try DirectoryWriter().write(bundle, to: directory)
    }

    /// Reads a local bundle directory (for `arena check` / `arena backtest`) with the same rules as
    /// ``unpack(_:limits:)``; symlinks, devices, FIFOs and sockets are refused, ``ignoredNames`` skipped.
    public static func load(directory: String, limits: BundleLimits) throws(BundleError) -> Bundle {
        try DirectoryReader(limits: limits).read(directory)
    }

    private static func checkArchiveSize(_ count: Int, limits: BundleLimits) throws(BundleError) {
        guard count <= limits.maxArchiveBytes else {
            throw BundleError(
                .tooLarge,
                "archive is \(count) bytes, more than the \(BundleLimits.describe(bytes: limits.maxArchiveBytes)) upload limit; remove large files"
            )
        }
    }
}
