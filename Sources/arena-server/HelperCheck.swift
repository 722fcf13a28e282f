import Foundation

/// Fails early, with the fix, when the worker binaries were not built next to arena-server.
enum HelperCheck {
    struct Missing: Error, CustomStringConvertible {
        var paths: [String]
        var description: String {
            "missing \(paths.joined(separator: ", ")): run `swift build` (it builds every product: arena-sandbox, "
                + "arena-worker, arena, arena-server) and try again"
        }
    }

    static func requireWorkerBinaries() throws {
        let sandbox = RuntimePaths.sandbox()
        let missing = [sandbox.helperPath, sandbox.workerPath].filter {
            !FileManager.default.isExecutableFile(atPath: $0)
        }
        if !missing.isEmpty { throw Missing(paths: missing) }
    }
}
