import Foundation

/// `arena` runs that need no server: a temporary HOME and work directory, no `ARENA_*` settings
/// from the outside, and `ARENA_SERVER` pointing at a port where nothing listens.
struct OfflineCLI: Sendable {
    let home: String
    let cli: CLIProcess

    /// The work directory the processes start in.
    var work: String { home + "/work" }

    /// The environment every test process starts from: the outer one without `ARENA_*`
    /// configuration, with `HOME` at `home` and no colour.
    static func environment(home: String) -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["ARENA_TOKEN", "ARENA_PROFILE", "ARENA_CONTEST", "ARENA_CONFIG", "XDG_CONFIG_HOME"] {
            environment[key] = nil
        }
        environment["HOME"] = home
        environment["NO_COLOR"] = "1"
        environment["ARENA_SERVER"] = "http://127.0.0.1:9"
        environment["PATH"] = LiveServer.buildDirectory + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        return environment
    }

    static func with(_ body: @Sendable (OfflineCLI) async throws -> Void) async throws {
        let home = NSTemporaryDirectory() + "arena-offline-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(
            atPath: home + "/work", withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(atPath: home) }
        let cli = CLIProcess(
            executable: LiveServer.buildDirectory + "/arena", environment: environment(home: home),
            directory: home + "/work")
        try await body(OfflineCLI(home: home, cli: cli))
    }

    /// Writes `text` to `path` under the work directory, creating directories.
    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: work + "/" + path)
        try FileManager.default.createDirectory(
            at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
}
