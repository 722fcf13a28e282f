import BundleKit
import Foundation

/// Finds and reads a local bundle directory, with errors that say how to fix it. Only the
/// bundle's files are read: ``ArenaIgnore`` (defaults and `.arenaignore`) leaves out plots,
/// caches and virtualenvs, for `arena submit` and `arena backtest` alike.
enum BundleLocator {
    /// A loaded bundle and the paths its `.arenaignore` rules left out.
    struct Loaded {
        var bundle: StrategyBundle
        var ignored: [String]
    }

    /// Loads the bundle at `path` (a directory holding strategy.yaml).
    static func load(_ path: String) throws -> StrategyBundle {
        try loadReporting(path).bundle
    }

    /// Loads the bundle at `path` and says which paths were left out.
    static func loadReporting(_ path: String) throws -> Loaded {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError.usage(
                "\(path) does not exist", hint: "pass a bundle directory, e.g. one made by `arena init mybot`")
        }
        guard isDirectory.boolValue else {
            throw CLIError.usage(
                "\(path) is not a directory", hint: "pass the bundle directory that holds strategy.yaml")
        }
        let limits = BundleLimits.local
        let collected = try BundleFiles.collect(path, rules: try ArenaIgnore.load(directory: path), limits: limits)
        do {
            return Loaded(
                bundle: try StrategyBundle(files: collected.files, limits: limits), ignored: collected.ignored)
        } catch {
            throw failure(error, path: path, hint: "fix the bundle, then run `arena check \(path)`")
        }
    }

    /// Packs the bundle at `path` into the deterministic tar.gz the server expects.
    static func pack(_ path: String) throws -> (archive: [UInt8], loaded: Loaded) {
        let loaded = try loadReporting(path)
        do {
            return (try BundleArchive.pack(loaded.bundle, limits: BundleLimits.local), loaded)
        } catch {
            throw failure(error, path: path, hint: "leave large files out with \(ArenaIgnore.fileName)")
        }
    }

    private static func failure(_ error: BundleError, path: String, hint: String) -> CLIError {
        CLIError(
            "bundle_\(error.code.wireName)", "\(path): \(error.message)", hint: hint,
            exitCode: ExitCodes.failed)
    }
}
