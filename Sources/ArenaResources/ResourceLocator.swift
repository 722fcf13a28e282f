import Foundation

/// Finds the `Migrations/`, `Seeds/` and Python SDK directories. In order, the first that
/// applies wins:
/// 1. an explicit directory (a command-line flag, then the resource's own environment variable,
///    e.g. `ARENA_MIGRATIONS_DIR`, then `ARENA_RESOURCES_DIR/<installedName>`): it must exist;
/// 2. the install next to the executable, `<exe dir>/../share/perparena/<installedName>`;
/// 3. the repository, walking up from the executable's real path (`.build/debug/arena-server`
///    finds the checkout it was built in, from any working directory);
/// 4. the repository, walking up from the current directory.
/// Searched places (2–4) count only when they hold the resource's marker file.
public struct ResourceLocator: Sendable {
    /// The environment variable naming a directory that holds every resource by its installed name.
    public static let resourcesDirectoryVariable = "ARENA_RESOURCES_DIR"

    public let configuration: ResourceLocatorConfiguration

    public init(configuration: ResourceLocatorConfiguration = .process()) {
        self.configuration = configuration
    }

    /// The directory of `resource`; the error lists every place tried.
    public func directory(for resource: ArenaResource) throws(ResourceLocatorError) -> String {
        var tried: [String] = []
        if let (source, path) = explicitDirectory(for: resource, tried: &tried) {
            guard isDirectory(path) else {
                throw ResourceLocatorError(
                    .explicitPathMissing, resource: resource,
                    "\(resource.installedName) directory \(path) (from \(source)) does not exist")
            }
            return path
        }
        if let executable = configuration.executablePath {
            let executableDirectory = URL(fileURLWithPath: executable).deletingLastPathComponent()
            let installed = executableDirectory.appendingPathComponent("../share/perparena/\(resource.installedName)")
                .standardizedFileURL.path
            if hasMarker(installed, resource) { return installed }
            tried.append("the install next to the executable: \(installed)")
            if let found = walkUp(from: executableDirectory.path, resource) { return found }
            tried.append(
                "\(resource.repositoryPath)/ in \(executableDirectory.path) and its parents (the executable's)")
        } else {
            tried.append("the executable's location (unknown)")
        }
        if let found = walkUp(from: configuration.currentDirectory, resource) { return found }
        tried.append(
            "\(resource.repositoryPath)/ in \(configuration.currentDirectory) and its parents (the current directory)")
        throw ResourceLocatorError(
            .notFound, resource: resource,
            "\(resource.installedName) not found: set \(resource.environmentVariable) (or \(Self.resourcesDirectoryVariable)), "
                + "install it to <prefix>/share/perparena/\(resource.installedName) next to <prefix>/bin, "
                + "or run from a checkout of the repository",
            tried: tried)
    }

    /// The file at `relativePath` inside the directory of `resource`.
    public func file(_ relativePath: String, in resource: ArenaResource) throws(ResourceLocatorError) -> String {
        let path = try directory(for: resource) + "/" + relativePath
        guard FileManager.default.fileExists(atPath: path) else {
            throw ResourceLocatorError(
                .fileMissing, resource: resource,
                "\(relativePath) is not in the \(resource.installedName) directory: \(path)")
        }
        return path
    }

    /// The flag, the resource's variable, or `ARENA_RESOURCES_DIR`, whichever is set first.
    private func explicitDirectory(for resource: ArenaResource, tried: inout [String]) -> (String, String)? {
        if let path = configuration.explicit[resource], !path.isEmpty { return ("the command line", path) }
        let variable = resource.environmentVariable
        if let path = configuration.environment[variable], !path.isEmpty { return (variable, path) }
        tried.append("\(variable) (not set)")
        let shared = Self.resourcesDirectoryVariable
        if let root = configuration.environment[shared], !root.isEmpty {
            return (shared, URL(fileURLWithPath: root).appendingPathComponent(resource.installedName).path)
        }
        tried.append("\(shared) (not set)")
        return nil
    }

    /// `<dir>/<repositoryPath>` for the first of `start` and its parents that holds the marker.
    private func walkUp(from start: String, _ resource: ArenaResource) -> String? {
        var directory = URL(fileURLWithPath: start).standardizedFileURL.path
        while true {
            let candidate = (directory == "/" ? "" : directory) + "/" + resource.repositoryPath
            if hasMarker(candidate, resource) { return candidate }
            guard directory != "/", let slash = directory.lastIndex(of: "/") else { return nil }
            directory = slash == directory.startIndex ? "/" : String(directory[..<slash])
        }
    }

    private func hasMarker(_ directory: String, _ resource: ArenaResource) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/" + resource.marker)
    }

    private func isDirectory(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
