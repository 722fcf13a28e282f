import Foundation

/// What a `ResourceLocator` searches from: explicit paths (command-line flags), the environment,
/// the running executable's real path and the current directory.
public struct ResourceLocatorConfiguration: Sendable {
    /// Directories given on the command line; they win over everything else.
    public var explicit: [ArenaResource: String]
    /// Read for `ARENA_MIGRATIONS_DIR`, `ARENA_SEEDS_DIR`, `ARENA_PYTHON_SDK` and `ARENA_RESOURCES_DIR`.
    public var environment: [String: String]
    /// The running executable with symbolic links resolved; `nil` skips the install and
    /// executable-relative places.
    public var executablePath: String?
    /// Where the last search step starts walking up.
    public var currentDirectory: String

    public init(
        explicit: [ArenaResource: String] = [:], environment: [String: String], executablePath: String?,
        currentDirectory: String
    ) {
        self.explicit = explicit
        self.environment = environment
        self.executablePath = executablePath
        self.currentDirectory = currentDirectory
    }

    /// This process's environment, executable and working directory.
    public static func process(explicit: [ArenaResource: String] = [:]) -> ResourceLocatorConfiguration {
        ResourceLocatorConfiguration(
            explicit: explicit, environment: ProcessInfo.processInfo.environment,
            executablePath: ExecutableLocation.path, currentDirectory: FileManager.default.currentDirectoryPath)
    }
}
