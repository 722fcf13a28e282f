/// The runtimes a contest accepts and their limits (`runtimes:` in the YAML; optional: a
/// definition without it accepts `rules`, `python` and `exec` with the contest's `limits`, and
/// keeps its canonical JSON).
///
/// ```yaml
/// runtimes:
///   accepted: [rules, python, python-ml]
///   python-ml:
///     lock_sha256: 05cac962…            # optional pin of the runtime's lock file
///     bundle_max_bytes: 67108864         # default 64 MiB for python-* runtimes
///     bundle_max_unpacked_bytes: 67108864
///     memory_mib: 1024                   # default 1024 for python-* runtimes
///     first_tick_deadline_ms: 20000      # default 20 s for python-* runtimes (model loading)
/// ```
///
/// `python-ml` (and an organizer's own `python-<name>`) is Python with the packages of a runtime
/// built from a lock file (docs/OPERATIONS.md, "Bot runtimes").
public struct RuntimeSettings: Codable, Sendable, Hashable {
    /// The built-in runtimes.
    public static let builtIn = ["rules", "python", "exec"]
    /// Default archive and unpacked size of a bundle of a `python-*` runtime: 64 MiB.
    public static let defaultModelBundleBytes = 64 << 20
    /// Default memory of a `python-*` runtime worker, MiB.
    public static let defaultModelMemoryMiB = 1024
    /// Default first-reply deadline of a `python-*` runtime worker, milliseconds.
    public static let defaultModelFirstTickMilliseconds = 20_000

    /// Runtime names teams may submit.
    public var accepted: [String]
    /// Per-runtime limits, by runtime name.
    public var limits: [String: RuntimeLimits]

    /// Creates settings.
    public init(accepted: [String] = RuntimeSettings.builtIn, limits: [String: RuntimeLimits] = [:]) {
        self.accepted = accepted
        self.limits = limits
    }

    /// Whether `name` names an installed-runtime flavour of Python (`python-ml`, `python-<org>`).
    public static func isEnvironmentName(_ name: String) -> Bool {
        name.hasPrefix("python-") && name.count > 7 && name.count <= 40
            && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    /// The limits in force for runtime `name`, given the contest's general `base` limits.
    public func limits(for name: String, base: LimitSettings) -> RuntimeLimits {
        let own = limits[name] ?? RuntimeLimits()
        let model = Self.isEnvironmentName(name)
        return RuntimeLimits(
            lockSHA256: own.lockSHA256,
            bundleMaxBytes: own.bundleMaxBytes
                ?? (model ? max(base.bundleMaxBytes, Self.defaultModelBundleBytes) : base.bundleMaxBytes),
            bundleMaxUnpackedBytes: own.bundleMaxUnpackedBytes
                ?? (model ? Self.defaultModelBundleBytes : max(8 << 20, base.bundleMaxBytes)),
            memoryMiB: own.memoryMiB ?? (model ? max(base.memoryMiB, Self.defaultModelMemoryMiB) : base.memoryMiB),
            firstTickDeadlineMilliseconds: own.firstTickDeadlineMilliseconds
                ?? (model
                    ? max(base.firstTickDeadlineMilliseconds, Self.defaultModelFirstTickMilliseconds)
                    : base.firstTickDeadlineMilliseconds))
    }

    struct Key: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        accepted =
            try container.decodeIfPresent([String].self, forKey: Key(stringValue: "accepted")) ?? Self.builtIn
        var limits: [String: RuntimeLimits] = [:]
        for key in container.allKeys where key.stringValue != "accepted" {
            limits[key.stringValue] = try container.decode(RuntimeLimits.self, forKey: key)
        }
        self.limits = limits
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(accepted, forKey: Key(stringValue: "accepted"))
        for (name, value) in limits { try container.encode(value, forKey: Key(stringValue: name)) }
    }
}
