/// A validated strategy bundle: regular files only, sorted by path, with a parsed manifest and
/// a content hash.
///
/// Obtain one from ``BundleArchive/unpack(_:limits:)``, ``BundleArchive/load(directory:limits:)``
/// or ``init(files:limits:)``; all three apply the same path, size and manifest rules.
public struct Bundle: Sendable {
    /// Files sorted by the UTF-8 bytes of their path. Directories are implied by paths; empty
    /// directories are not kept.
    public var files: [BundleFile]
    /// Lowercase hex SHA-256 of the canonical encoding of `files` (see ``BundleHasher``): the same
    /// files give the same hash however they were archived.
    public var sha256: String
    /// Parsed top-level keys of `strategy.yaml`.
    public var manifest: BundleManifest

    /// Validates `files` (paths, duplicates, limits, manifest) and builds a bundle.
    public init(files: [BundleFile], limits: BundleLimits = BundleLimits()) throws(BundleError) {
        var builder = BundleBuilder(limits: limits)
        for file in files {
            let checked = try PathRules.check(file.path, limits: limits)
            try builder.addFile(checked, bytes: file.bytes, executable: file.executable)
        }
        self = try builder.finish()
    }

    /// Builds from files already validated by ``BundleBuilder``.
    init(validated files: [BundleFile], limits: BundleLimits) throws(BundleError) {
        let sorted = files.sorted { $0.path.utf8.lexicographicallyPrecedes($1.path.utf8) }
        guard let manifestFile = sorted.first(where: { $0.path == BundleManifest.fileName }) else {
            throw BundleError(
                .missingManifest,
                "no \(BundleManifest.fileName) at the root of the bundle; put it at the top level (e.g. `tar -C mybot -czf bundle.tar.gz .`), not inside a folder",
                path: BundleManifest.fileName
            )
        }
        self.manifest = try BundleManifest.parse(manifestFile.bytes, files: Set(sorted.map(\.path)), limits: limits)
        self.files = sorted
        self.sha256 = BundleHasher.sha256(of: sorted)
    }

    /// The file at `path` (exact match, e.g. `"strategy.yaml"`, `"lib/util.py"`), if any.
    public func file(_ path: String) -> BundleFile? {
        files.first { $0.path == path }
    }

    /// Sum of all file sizes in bytes.
    public var totalBytes: Int { files.reduce(0) { $0 + $1.bytes.count } }
}
