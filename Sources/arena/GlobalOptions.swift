import ArgumentParser
import Foundation

/// Options every command accepts: output format, profile and server overrides.
///
/// Precedence: command-line option, then environment (`ARENA_PROFILE`, `ARENA_SERVER`,
/// `ARENA_TOKEN`, `ARENA_CONTEST`), then the profile in the configuration file.
struct GlobalOptions: ParsableArguments {
    @Flag(help: "Print machine-readable JSON (stable shapes; errors as {\"error\": {...}}).")
    var json = false

    @Option(help: "Configuration profile (default: $ARENA_PROFILE or the current profile).")
    var profile: String?

    @Option(help: "Server URL, e.g. http://127.0.0.1:8080 (default: $ARENA_SERVER or the profile's).")
    var server: String?

    /// The environment, read once.
    var environment: [String: String] { ProcessInfo.processInfo.environment }

    /// The resolved settings for this invocation.
    func session() throws(CLIError) -> Session {
        let environment = self.environment
        let path = ConfigFile.path(environment: environment)
        let config = try ConfigFile.load(path: path)
        let name = profile ?? environment["ARENA_PROFILE"].flatMap { $0.isEmpty ? nil : $0 } ?? config.currentProfile
        let stored = config.profiles[name]
        var server =
            self.server ?? environment["ARENA_SERVER"].flatMap { $0.isEmpty ? nil : $0 } ?? stored?.server
            ?? ConfigFile.defaultServer
        while server.hasSuffix("/") { server.removeLast() }
        let environmentToken = environment["ARENA_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        let token = environmentToken ?? stored?.token
        let contest = environment["ARENA_CONTEST"].flatMap { $0.isEmpty ? nil : $0 } ?? stored?.contest
        return Session(
            configPath: path, config: config, profileName: name, server: server, token: token,
            tokenSource: environmentToken != nil ? "ARENA_TOKEN" : "profile \(name)",
            contest: contest, terminal: Terminal.detect(environment: environment), json: json)
    }
}
