import ArenaResources
import Foundation
import Sandbox

/// Where the helper binaries, the Python SDK, `Migrations/` and `Seeds/` are: next to this
/// executable, or from the environment (see `ResourceLocator` for the search order).
enum RuntimePaths {
    /// The directory of the running executable (from /proc/self/exe, so PATH lookups work).
    static var executableDirectory: String { ExecutableLocation.directory }

    /// Finds `Migrations/`, `Seeds/` and the Python SDK for this process.
    static var resources: ResourceLocator { ResourceLocator(configuration: .process()) }

    static func sandbox(environment: [String: String] = ProcessInfo.processInfo.environment) -> SandboxConfiguration {
        let directory = executableDirectory
        // Commands that start runners call `HelperCheck.requireIsolation` first, which refuses
        // to start without an explicit choice; this default only serves read-only uses (probes).
        let isolation: Isolation = environment["ARENA_ISOLATION"] == "sandboxed" ? .sandboxed : .plainProcess
        var resources = ResourceLocatorConfiguration.process()
        resources.environment = environment
        var configuration = SandboxConfiguration(
            helperPath: environment["ARENA_SANDBOX_HELPER"] ?? "\(directory)/arena-sandbox",
            workerPath: environment["ARENA_WORKER"] ?? "\(directory)/arena-worker",
            pythonSDKDirectory: try? ResourceLocator(configuration: resources).directory(for: .pythonSDK),
            isolation: isolation)
        // Installed bot runtimes (python-ml, …): Deployment/runtimes/build.sh, docs/OPERATIONS.md.
        if let runtimes = environment["ARENA_RUNTIMES_DIR"] { configuration.runtimesDirectory = runtimes }
        return configuration
    }
}
