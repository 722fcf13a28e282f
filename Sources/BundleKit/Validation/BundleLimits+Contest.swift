public import ContestModel

extension BundleLimits {
    /// The limits a contest puts on its bundles (`limits.bundle_max_bytes`,
    /// `limits.bundle_max_files`; the rest at their defaults). The one value both the upload
    /// validator and the runner unpack with, so a bundle that passed validation unpacks the
    /// same way on every runner.
    public init(contest: ContestDefinition) {
        self.init(maxArchiveBytes: contest.limits.bundleMaxBytes, maxFiles: contest.limits.bundleMaxFiles)
    }
}
