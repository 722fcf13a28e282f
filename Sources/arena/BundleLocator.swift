import BundleKit
import Foundation

/// Finds and reads a local bundle directory, with errors that say how to fix it.
enum BundleLocator {
    /// Loads the bundle at `path` (a directory holding strategy.yaml).
    static func load(_ path: String) throws -> StrategyBundle {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CLIError.usage(
                "\(path) does not exist", hint: "pass a bundle directory, e.g. one made by `arena init mybot`")
        }
        guard isDirectory.boolValue else {
            throw CLIError.usage(
                "\(path) is not a directory", hint: "pass the bundle directory that holds strategy.yaml")
        }
        do {
            return try BundleArchive.load(directory: path, limits: BundleLimits())
        } catch {
            throw CLIError(
                "bundle_\(error.code.rawValue)", "\(path): \(error.message)",
                hint: "fix the bundle, then run `arena check \(path)`", exitCode: ExitCodes.failed)
        }
    }

    /// Packs the bundle at `path` into the deterministic tar.gz the server expects.
    static func pack(_ path: String) throws -> (archive: [UInt8], bundle: StrategyBundle) {
        let bundle = try load(path)
        do {
            return (try BundleArchive.pack(bundle, limits: BundleLimits()), bundle)
        } catch {
            throw CLIError("bundle_\(error.code.rawValue)", "\(path): \(error.message)", exitCode: ExitCodes.failed)
        }
    }
}
