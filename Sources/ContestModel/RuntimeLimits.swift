/// Limits and identity of one runtime in a contest (`runtimes.<name>` in the YAML). Every field
/// is optional; absent fields take the defaults of ``RuntimeSettings/limits(for:base:)``.
public struct RuntimeLimits: Codable, Sendable, Hashable {
    /// The SHA-256 of the runtime's lock file the contest was set up with: a runner whose
    /// installed runtime has another lock hash refuses the run (it fails loudly, never silently
    /// runs other packages).
    public var lockSHA256: String?
    /// Largest bundle archive of this runtime, bytes.
    public var bundleMaxBytes: Int?
    /// Largest unpacked bundle of this runtime, bytes.
    public var bundleMaxUnpackedBytes: Int?
    /// Memory of a worker of this runtime, MiB (the heat uses the largest of its bots' runtimes).
    public var memoryMiB: Int?
    /// Deadline of the first reply (interpreter start-up and model loading), milliseconds.
    public var firstTickDeadlineMilliseconds: Int?

    /// Creates limits.
    public init(
        lockSHA256: String? = nil, bundleMaxBytes: Int? = nil, bundleMaxUnpackedBytes: Int? = nil,
        memoryMiB: Int? = nil, firstTickDeadlineMilliseconds: Int? = nil
    ) {
        self.lockSHA256 = lockSHA256
        self.bundleMaxBytes = bundleMaxBytes
        self.bundleMaxUnpackedBytes = bundleMaxUnpackedBytes
        self.memoryMiB = memoryMiB
        self.firstTickDeadlineMilliseconds = firstTickDeadlineMilliseconds
    }

    enum CodingKeys: String, CodingKey {
        case lockSHA256 = "lock_sha256"
        case bundleMaxBytes = "bundle_max_bytes"
        case bundleMaxUnpackedBytes = "bundle_max_unpacked_bytes"
        case memoryMiB = "memory_mib"
        case firstTickDeadlineMilliseconds = "first_tick_deadline_ms"
    }
}
