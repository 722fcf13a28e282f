import Foundation
import Sandbox

/// Where the helper binaries and the Python SDK are: next to this executable, or from env.
enum RuntimePaths {
    /// The directory of the running executable (from /proc/self/exe, so PATH lookups work).
    static var executableDirectory: String {
        let resolved =
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().path
        return URL(fileURLWithPath: resolved).deletingLastPathComponent().path
    }

    static func sandbox(environment: [String: String] = ProcessInfo.processInfo.environment) -> SandboxConfiguration {
        let directory = executableDirectory
        let isolation: Isolation
        switch environment["ARENA_ISOLATION"] {
        case "plain": isolation = .plainProcess
        case "sandboxed": isolation = .sandboxed
        default: isolation = geteuid() == 0 ? .sandboxed : .plainProcess
        }
        return SandboxConfiguration(
            helperPath: environment["ARENA_SANDBOX_HELPER"] ?? "\(directory)/arena-sandbox",
            workerPath: environment["ARENA_WORKER"] ?? "\(directory)/arena-worker",
            pythonSDKDirectory: environment["ARENA_PYTHON_SDK"] ?? locate("Sources/PythonSDK"),
            isolation: isolation)
    }

    /// Finds a repository-relative directory upward from the working and executable directories.
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
