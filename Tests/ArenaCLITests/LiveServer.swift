import APIServer
import BundleKit
import Foundation
import HeatRunner
import Hummingbird
import HummingbirdTesting
import JobRunner
import Logging
import PostgresNIO
import Sandbox
import Storage
import TestSupport

/// A live API server on a free port over a fresh migrated PostgreSQL database, a runner to
/// drive evaluations, and a temporary HOME for the `arena` processes under test.
struct LiveServer: Sendable {
    let store: ArenaStore
    let runner: RunnerService
    let port: Int
    let home: String
    let cli: CLIProcess

    var url: String { "http://127.0.0.1:\(port)" }

    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    /// Where `swift build` put `arena`, `arena-worker` and `arena-sandbox` (next to the test bundle).
    static var buildDirectory: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    static func with(_ body: @escaping @Sendable (LiveServer) async throws -> Void) async throws {
        var logger = Logger(label: "arena-cli-tests")
        logger.logLevel = .warning
        let url = try await TestDatabase.fresh(logger: logger)
        let client = PostgresClient(configuration: try DatabaseURL.configuration(from: url), backgroundLogger: logger)
        let store = ArenaStore(client: client, logger: logger)
        let home = NSTemporaryDirectory() + "arena-cli-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(
            atPath: home + "/work", withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(atPath: home) }
        let api = ArenaAPI(
            store: store, configuration: APIServerConfiguration(leaderboardCacheMilliseconds: 0),
            validator: BundleValidator()
        ) { try await store.ping() }
        let sandbox = SandboxConfiguration(
            helperPath: buildDirectory + "/arena-sandbox", workerPath: buildDirectory + "/arena-worker",
            pythonSDKDirectory: repositoryRoot.appendingPathComponent("Sources/PythonSDK").path,
            isolation: geteuid() == 0 ? .sandboxed : .plainProcess)
        let runner = RunnerService(
            store: store,
            configuration: RunnerConfiguration(
                owner: "cli-test-runner", workDirectory: home + "/runner",
                keyDirectory: home + "/keys", sandbox: sandbox),
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            do {
                let app = Application(router: api.router())
                try await app.test(.live) { testClient in
                    guard let port = testClient.port else { throw CocoaError(.featureUnsupported) }
                    var environment = ProcessInfo.processInfo.environment
                    for key in ["ARENA_TOKEN", "ARENA_PROFILE", "ARENA_CONTEST", "ARENA_CONFIG", "XDG_CONFIG_HOME"] {
                        environment[key] = nil
                    }
                    environment["HOME"] = home
                    environment["ARENA_SERVER"] = "http://127.0.0.1:\(port)"
                    environment["NO_COLOR"] = "1"
                    environment["ARENA_POLL_MS"] = "100"
                    let cli = CLIProcess(
                        executable: buildDirectory + "/arena", environment: environment,
                        directory: home + "/work")
                    try await body(LiveServer(store: store, runner: runner, port: port, home: home, cli: cli))
                }
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }

    /// A new organizer token.
    func organizerToken() async throws -> String {
        let token = TokenHash.generate(prefix: "pa_org")
        _ = try await store.createOrganizer(
            name: "org-\(UUID().uuidString.prefix(6))", tokenHash: TokenHash.hash(token))
        return token
    }

    /// Writes a small contest definition into the work directory; returns its path.
    func writeContest(id: String, ticks: Int = 60) throws -> String {
        let yaml = """
            id: \(id)
            name: CLI test \(id)
            market: { instruments: [BTC-PERP, ETH-PERP], tick_ms: 1000 }
            evaluation: { ticks: \(ticks), heat_size: 8, starting_balance: "10000", rounds: [{seed: 11, public: true}] }
            limits: { tick_deadline_ms: 3000, first_tick_deadline_ms: 15000, max_strikes: 5 }
            registration: { open: true }
            """
        let path = home + "/work/\(id).yaml"
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
