import Yams

/// The top-level keys of a bundle's `strategy.yaml` that the platform needs before running it.
/// Only `name`, `runtime` and `entry` are read here; the rules language itself is validated by StrategyKit.
public struct BundleManifest: Sendable, Equatable {
    /// Name of the file every bundle must have at its root.
    public static let fileName = "strategy.yaml"

    /// Strategy name shown on the leaderboard.
    public var name: String
    /// How the strategy runs (`python` also for `python-ml` and other installed Python runtimes).
    public var runtime: Runtime
    /// The runtime as named in `strategy.yaml`: `rules`, `python`, `exec`, `python-ml`, …
    public var runtimeName: String
    /// Path of the program to run, relative to the bundle root. Required for `python` and `exec`.
    public var entry: String?

    /// Creates a manifest value.
    public init(name: String, runtime: Runtime, entry: String? = nil, runtimeName: String? = nil) {
        self.name = name
        self.runtime = runtime
        self.entry = entry
        self.runtimeName = runtimeName ?? runtime.rawValue
    }

    /// Parses `strategy.yaml` and checks that `entry` (when required) names one of `files`.
    public static func parse(_ bytes: [UInt8], files: Set<String>, limits: BundleLimits = BundleLimits())
        throws(BundleError) -> BundleManifest
    {
        guard bytes.count <= limits.maxManifestBytes else {
            throw invalid(
                "is larger than \(BundleLimits.describe(bytes: limits.maxManifestBytes)); keep data in separate files")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else { throw invalid("is not valid UTF-8") }
        guard !YAMLNesting.isTooDeep(text) else {
            throw invalid("nests '[' / '{' collections more than \(YAMLNesting.maxDepth) levels deep; flatten it")
        }
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch {
            throw invalid("is not valid YAML: \(error)")
        }
        guard let mapping = node?.mapping else {
            throw invalid("must be a YAML mapping with at least 'name' and 'runtime' keys")
        }
        let name = try scalar(mapping, "name")
        guard let name, !name.allSatisfy(\.isWhitespace) else {
            throw invalid("needs a non-empty 'name'")
        }
        guard let runtimeText = try scalar(mapping, "runtime") else {
            throw invalid("needs 'runtime: rules', 'runtime: python' or 'runtime: exec'")
        }
        guard let runtime = Runtime(rawValue: runtimeText) ?? (Self.isPythonEnvironment(runtimeText) ? .python : nil)
        else {
            throw invalid("has unknown runtime '\(runtimeText)'; use rules, python, python-ml or exec")
        }
        let entry = try scalar(mapping, "entry")
        if runtime != .rules {
            guard let entry, !entry.isEmpty else {
                throw invalid("has runtime '\(runtime.rawValue)' but no 'entry'; add e.g. 'entry: bot.py'")
            }
            guard files.contains(entry) else {
                throw invalid(
                    "names entry '\(entry)', which is not a file in the bundle; fix the path (relative to the bundle root)"
                )
            }
        }
        return BundleManifest(name: name, runtime: runtime, entry: entry, runtimeName: runtimeText)
    }

    /// `python-ml` and other installed Python runtimes: `python-` and lowercase letters, digits, dashes.
    public static func isPythonEnvironment(_ name: String) -> Bool {
        name.hasPrefix("python-") && name.count > 7 && name.count <= 40
            && name.utf8.allSatisfy { (0x61...0x7A).contains($0) || (0x30...0x39).contains($0) || $0 == 0x2D }
    }

    private static func scalar(_ mapping: Node.Mapping, _ key: String) throws(BundleError) -> String? {
        guard let value = mapping[Node(key)] else { return nil }
        if case .scalar(let scalar) = value { return scalar.string }
        throw invalid("key '\(key)' must be a plain string value")
    }

    private static func invalid(_ what: String) -> BundleError {
        BundleError(.invalidManifest, "\(fileName) \(what)", path: fileName)
    }
}
