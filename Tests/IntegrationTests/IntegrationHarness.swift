import APIModels
import APIServer
import AsyncHTTPClient
import BundleKit
import ContestModel
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

/// A migrated throwaway database, the API router and a runner, as the demo wires them.
struct IntegrationHarness {
    let store: ArenaStore
    let api: ArenaAPI
    let runner: RunnerService
    let stateDirectory: String

    static var repositoryRoot: URL {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }

    /// Where `swift build` put the helper executables (next to the test bundle).
    static var buildDirectory: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().path
    }

    /// Runs `body` with a fresh database and a running PostgreSQL client.
    static func with(_ body: (IntegrationHarness) async throws -> Void) async throws {
        var logger = Logger(label: "integration")
        logger.logLevel = .warning
        let url = try await TestDatabase.fresh(logger: logger)
        let client = PostgresClient(configuration: try DatabaseURL.configuration(from: url), backgroundLogger: logger)
        let store = ArenaStore(client: client, logger: logger)
        let state = NSTemporaryDirectory() + "perparena-it-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(
            atPath: state, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(atPath: state) }
        let api = ArenaAPI(
            store: store, configuration: APIServerConfiguration(leaderboardCacheMilliseconds: 0),
            validator: BundleValidator()
        ) { try await store.ping() }
        let isolation: Isolation = geteuid() == 0 ? .sandboxed : .plainProcess
        let sandbox = SandboxConfiguration(
            helperPath: buildDirectory + "/arena-sandbox", workerPath: buildDirectory + "/arena-worker",
            pythonSDKDirectory: repositoryRoot.appendingPathComponent("Sources/PythonSDK").path, isolation: isolation)
        let runner = RunnerService(
            store: store,
            configuration: RunnerConfiguration(
                owner: "test-runner", workDirectory: state + "/work",
                keyDirectory: state + "/keys", sandbox: sandbox),
            logger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            do {
                try await body(IntegrationHarness(store: store, api: api, runner: runner, stateDirectory: state))
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

    /// A deterministic tar.gz of a bundle directory under Seeds/.
    static func seedBundle(_ relative: String) throws -> [UInt8] {
        try BundleArchive.pack(
            directory: repositoryRoot.appendingPathComponent("Seeds/\(relative)").path,
            limits: BundleLimits())
    }

    static func contestYAML(
        id: String, ticks: Int = 60, rounds: String = "[{seed: 11, public: true}]",
        extra: String = ""
    ) -> String {
        """
        id: \(id)
        name: Integration \(id)
        market: { instruments: [BTC-PERP, ETH-PERP], tick_ms: 1000 }
        evaluation: { ticks: \(ticks), heat_size: 8, starting_balance: "10000", rounds: \(rounds) }
        limits: { tick_deadline_ms: 3000, first_tick_deadline_ms: 15000, max_strikes: 5 }
        \(extra)
        """
    }
}
