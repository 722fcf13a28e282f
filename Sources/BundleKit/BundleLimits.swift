/// Size and shape limits applied to every bundle, whether it arrives as an archive
/// (``BundleArchive/unpack(_:limits:)``), is read from a local directory
/// (``BundleArchive/load(directory:limits:)``) or is packed (``BundleArchive/pack(directory:limits:)``).
///
/// Pass one value through from configuration; the defaults suit a hackathon strategy bundle.
public struct BundleLimits: Sendable, Equatable {
    /// Largest accepted archive, in bytes, before any decompression. Default 1 MiB.
    public var maxArchiveBytes: Int
    /// Largest total size of all unpacked files, in bytes. Enforced while decompressing. Default 8 MiB.
    public var maxUnpackedBytes: Int
    /// Most regular files a bundle may hold. Default 64.
    public var maxFiles: Int
    /// Longest relative path, in UTF-8 bytes. Default 200.
    public var maxPathLength: Int
    /// Deepest nesting, counted in path components (`a/b/c.py` is 3). Default 8.
    public var maxDepth: Int
    /// Highest accepted ratio of decompressed to compressed bytes once more than
    /// ``ratioCheckFloorBytes`` have been produced by one compressed stream. Default 200.
    public var maxCompressionRatio: Int
    /// Output size below which the compression ratio is not checked (small, highly compressible
    /// files such as tar padding are normal). Default 1 MiB.
    public var ratioCheckFloorBytes: Int
    /// Largest accepted `strategy.yaml`, in bytes. Default 256 KiB.
    public var maxManifestBytes: Int

    /// Creates limits; every parameter defaults to the documented value.
    public init(
        maxArchiveBytes: Int = 1 << 20,
        maxUnpackedBytes: Int = 8 << 20,
        maxFiles: Int = 64,
        maxPathLength: Int = 200,
        maxDepth: Int = 8,
        maxCompressionRatio: Int = 200,
        ratioCheckFloorBytes: Int = 1 << 20,
        maxManifestBytes: Int = 256 << 10
    ) {
        self.maxArchiveBytes = maxArchiveBytes
        self.maxUnpackedBytes = maxUnpackedBytes
        self.maxFiles = maxFiles
        self.maxPathLength = maxPathLength
        self.maxDepth = maxDepth
        self.maxCompressionRatio = maxCompressionRatio
        self.ratioCheckFloorBytes = ratioCheckFloorBytes
        self.maxManifestBytes = maxManifestBytes
    }

    /// Limits for bundles on a team's machine (`arena check`, `backtest`, `submit`): as large as
    /// any contest may allow (256 MiB archive and unpacked, for model files); the server holds
    /// each bundle to its contest's and runtime's limits (``BundleLimits/init(contest:runtime:)``).
    public static let local = BundleLimits(maxArchiveBytes: 256 << 20, maxUnpackedBytes: 256 << 20)

    /// Most directory entries an archive may hold (directories are not counted as files,
    /// but an archive may not hide work in an unbounded number of them).
    var maxDirectoryEntries: Int { maxFiles * max(maxDepth, 1) }

    /// Human-readable form of a byte count for error messages ("8 MiB", "1.5 KiB", "12 bytes").
    static func describe(bytes: Int) -> String {
        if bytes >= 1 << 20, bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
        if bytes >= 1 << 10, bytes % (1 << 10) == 0 { return "\(bytes >> 10) KiB" }
        return "\(bytes) bytes"
    }
}
