import ArenaResources
import Foundation
import HeatRunner
import Sandbox

/// Where the worker binaries, the Python SDK and `Seeds/` are for local backtests: next to this
/// executable, or from `ARENA_WORKER`, `ARENA_SANDBOX_HELPER`, `ARENA_PYTHON_SDK`, `ARENA_PYTHON`,
/// `ARENA_SEEDS_DIR` (see `ResourceLocator` for the search order).
enum LocalRuntime {
    /// The directory of the running `arena` binary, also when it was found through `PATH`.
    static var executableDirectory: String { ExecutableLocation.directory }

    /// A sandbox configuration for this machine: full isolation as root, plain processes
    /// otherwise (`ARENA_ISOLATION=plain|sandboxed` overrides).
    static func sandbox(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> SandboxConfiguration
    {
        let directory = executableDirectory
        let isolation: Isolation =
            switch environment["ARENA_ISOLATION"] {
            case "plain": .plainProcess
            case "sandboxed": .sandboxed
            default: geteuid() == 0 ? .sandboxed : .plainProcess
            }
        let helper = environment["ARENA_SANDBOX_HELPER"] ?? "\(directory)/arena-sandbox"
        let worker = environment["ARENA_WORKER"] ?? "\(directory)/arena-worker"
        for (path, product) in [(helper, "arena-sandbox"), (worker, "arena-worker")]
        where !FileManager.default.isExecutableFile(atPath: path) {
            throw CLIError(
                "runtime_missing", "\(product) is not at \(path)",
                hint:
                    "build it with `swift build --product \(product)` (it must sit next to `arena`), or set \(product == "arena-worker" ? "ARENA_WORKER" : "ARENA_SANDBOX_HELPER")",
                exitCode: ExitCodes.usage)
        }
        var resources = ResourceLocatorConfiguration.process()
        resources.environment = environment
        var configuration = SandboxConfiguration(
            helperPath: helper, workerPath: worker, pythonPath: environment["ARENA_PYTHON"] ?? "/usr/bin/python3",
            pythonSDKDirectory: try? ResourceLocator(configuration: resources).directory(for: .pythonSDK),
            isolation: isolation)
        configuration.runtimesDirectory = runtimesDirectory(environment: environment)
        return configuration
    }

    /// Where installed bot runtimes are (`ARENA_RUNTIMES_DIR`, else /opt/perparena/runtimes).
    static func runtimesDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["ARENA_RUNTIMES_DIR"] ?? RuntimeEnvironment.defaultDirectory
    }

    /// How bots run on this machine, for people: "sandboxed (root)" or "plain process (no root: no isolation)".
    static func describe(_ isolation: Isolation) -> String {
        isolation == .sandboxed
            ? "in the sandbox (namespaces, cgroups, seccomp; running as root)"
            : "as a plain process (limits and Landlock only, not the platform's sandbox; root runs it sandboxed)"
    }

    /// The file at `relativePath` in `Seeds/` (e.g. `contests/demo.yaml`), or `nil` when there is none.
    /// What to do about a run that could not start: for a runtime that is missing or built from
    /// another lock than the contest pins (``HeatError`` from the runtime check), how to get the
    /// right one; otherwise `fallback`.
    static func hint(for error: any Error, fallback: String) -> String {
        guard let heat = error as? HeatError, heat.code == .sandbox, heat.message.hasPrefix("runtime "),
            let name = heat.message.split(separator: " ").dropFirst().first
        else { return fallback }
        return "install or rebuild it: `arena runtime install \(name)` from the lock file the contest uses "
            + "(`arena runtime list` shows the installed lock sha256; the contest pins it in runtimes.\(name).lock_sha256)"
    }

    static func seedFile(_ relativePath: String) -> String? {
        try? ResourceLocator(configuration: .process()).file(relativePath, in: .seeds)
    }
}
