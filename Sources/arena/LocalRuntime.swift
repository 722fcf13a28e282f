import Foundation
import Sandbox

/// Where the worker binaries and the Python SDK are for local backtests: next to this
/// executable, or from `ARENA_WORKER`, `ARENA_SANDBOX_HELPER`, `ARENA_PYTHON_SDK`, `ARENA_PYTHON`.
enum LocalRuntime {
    /// The directory of the running `arena` binary, also when it was found through `PATH`.
    static var executableDirectory: String {
        let path =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? Bundle.main.executablePath ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().deletingLastPathComponent().path
    }

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
        return SandboxConfiguration(
            helperPath: helper, workerPath: worker, pythonPath: environment["ARENA_PYTHON"] ?? "/usr/bin/python3",
            pythonSDKDirectory: environment["ARENA_PYTHON_SDK"] ?? locate("Sources/PythonSDK"), isolation: isolation)
    }

    /// Finds a repository-relative path upward from the working and executable directories.
    static func locate(_ relative: String) -> String? {
        for start in [FileManager.default.currentDirectoryPath, executableDirectory] {
            var url = URL(fileURLWithPath: start)
            for _ in 0..<8 {
                let candidate = url.appendingPathComponent(relative).path
                if FileManager.default.fileExists(atPath: candidate) { return candidate }
                url.deleteLastPathComponent()
            }
        }
        return nil
    }
}
