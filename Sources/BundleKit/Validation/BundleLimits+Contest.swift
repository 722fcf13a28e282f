public import ContestModel

extension BundleLimits {
    /// The limits a contest puts on its bundles, before their runtime is known: the largest
    /// archive and unpacked size any accepted runtime allows (`limits.bundle_max_bytes`, or
    /// `runtimes.<name>.bundle_max_bytes` / `bundle_max_unpacked_bytes`; 64 MiB by default for
    /// `python-ml`), `limits.bundle_max_files`, the rest at their defaults. The one value both
    /// the upload validator and the runner unpack with, so a bundle that passed validation
    /// unpacks the same way on every runner; ``BundleLimits/init(contest:runtime:)`` then holds
    /// each bundle to its own runtime's sizes.
    public init(contest: ContestDefinition) {
        let settings = contest.runtimeSettings
        let unpacked = settings.accepted.compactMap {
            settings.limits(for: $0, base: contest.limits).bundleMaxUnpackedBytes
        }
        self.init(
            maxArchiveBytes: contest.maxBundleArchiveBytes, maxUnpackedBytes: max(8 << 20, unpacked.max() ?? 0),
            maxFiles: contest.limits.bundleMaxFiles)
    }

    /// The limits of a bundle of runtime `runtime` (its name in strategy.yaml) in `contest`.
    public init(contest: ContestDefinition, runtime: String) {
        let own = contest.runtimeSettings.limits(for: runtime, base: contest.limits)
        self.init(
            maxArchiveBytes: own.bundleMaxBytes ?? contest.limits.bundleMaxBytes,
            maxUnpackedBytes: own.bundleMaxUnpackedBytes ?? (8 << 20), maxFiles: contest.limits.bundleMaxFiles)
    }
}
