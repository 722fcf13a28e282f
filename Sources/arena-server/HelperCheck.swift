import Foundation
import Sandbox

/// Start-up checks of the processes that run bots: they fail early, with the fix.
enum HelperCheck {
    struct Missing: Error, CustomStringConvertible {
        var paths: [String]
        var description: String {
            "missing \(paths.joined(separator: ", ")): run `swift build` (it builds every product: arena-sandbox, "
                + "arena-worker, arena, arena-server) and try again"
        }
    }

    /// A runner that must not start; `description` is the one line printed.
    struct Refused: Error, CustomStringConvertible {
        var description: String
    }

    static func requireWorkerBinaries() throws {
        let sandbox = RuntimePaths.sandbox()
        let missing = [sandbox.helperPath, sandbox.workerPath].filter {
            !FileManager.default.isExecutableFile(atPath: $0)
        }
        if !missing.isEmpty { throw Missing(paths: missing) }
    }

    /// Fails closed: the isolation must be chosen explicitly (`flag`, else `ARENA_ISOLATION`),
    /// and the sandbox probe must pass for it and for every limit a contest can ask for (memory,
    /// pids, CPU share); sandboxed mode needs root. Plain mode is announced with one line on
    /// stderr. Sets `ARENA_ISOLATION` to the choice, so every runner of the process uses it.
    /// `developmentDefault` (the demo only) picks sandboxed as root and plain otherwise when
    /// nothing is set; the probe still has to pass.
    @discardableResult
    static func requireIsolation(flag: String?, developmentDefault: Bool = false) throws -> Isolation {
        let environment = ProcessInfo.processInfo.environment
        let fix =
            "set ARENA_ISOLATION=sandboxed (production, as root) or ARENA_ISOLATION=plain (local development only)"
        var chosen = flag ?? environment["ARENA_ISOLATION"]
        if chosen?.isEmpty ?? true, developmentDefault { chosen = geteuid() == 0 ? "sandboxed" : "plain" }
        guard let value = chosen, !value.isEmpty else {
            throw Refused(description: "refusing to start a runner: no isolation chosen; \(fix)")
        }
        let isolation: Isolation
        switch value {
        case "sandboxed": isolation = .sandboxed
        case "plain": isolation = .plainProcess
        default: throw Refused(description: "refusing to start a runner: unknown isolation '\(value)'; \(fix)")
        }
        setenv("ARENA_ISOLATION", value, 1)
        do {
            try SandboxPreflight.check(RuntimePaths.sandbox())
        } catch {
            throw Refused(description: "refusing to start a runner: \(error.detail)")
        }
        if isolation == .plainProcess {
            FileHandle.standardError.write(
                Data(
                    ("WARNING: isolation plain is for local development only: bots run as this user with seccomp "
                        + "and Landlock but no namespaces, cgroups or uid of their own; use sandboxed in production\n")
                        .utf8))
        }
        return isolation
    }
}
