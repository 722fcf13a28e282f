import APIModels
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

/// A fresh migrated database with an API whose configuration the test chooses, and runners on
/// demand (each with its own owner name and lease), for tests of quotas, leases and load.
struct ServiceFixture {
    let store: ArenaStore
    let api: ArenaAPI
    let stateDirectory: String
    let logger: Logger

    static func with(
        configuration: APIServerConfiguration = APIServerConfiguration(leaderboardCacheMilliseconds: 0),
        _ body: (ServiceFixture) async throws -> Void
    ) async throws {
        var logger = Logger(label: "service-fixture")
        logger.logLevel = .warning
        let url = try await TestDatabase.fresh(logger: logger)
        let client = PostgresClient(configuration: try DatabaseURL.configuration(from: url), backgroundLogger: logger)
        let store = ArenaStore(client: client, logger: logger)
        let state = NSTemporaryDirectory() + "perparena-svc-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(
            atPath: state, withIntermediateDirectories: true,
            attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(atPath: state) }
        let api = ArenaAPI(store: store, configuration: configuration, validator: BundleValidator()) {
            try await store.ping()
        }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            do {
                try await body(ServiceFixture(store: store, api: api, stateDirectory: state, logger: logger))
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }

    /// A runner named `owner`; all runners of a fixture share the attestation key directory.
    func runner(owner: String, lease: Duration = .seconds(30), heartbeat: Duration = .seconds(5)) -> RunnerService {
        let build = IntegrationHarness.buildDirectory
        let sandbox = SandboxConfiguration(
            helperPath: build + "/arena-sandbox", workerPath: build + "/arena-worker",
            pythonSDKDirectory: IntegrationHarness.repositoryRoot.appendingPathComponent("Sources/PythonSDK").path,
            isolation: geteuid() == 0 ? .sandboxed : .plainProcess)
        return RunnerService(
            store: store,
            configuration: RunnerConfiguration(
                owner: owner, lease: lease, heartbeat: heartbeat,
                workDirectory: stateDirectory + "/work-\(owner)",
                keyDirectory: stateDirectory + "/keys", sandbox: sandbox),
            logger: logger)
    }

    func organizerToken() async throws -> String {
        let token = TokenHash.generate(prefix: "pa_org")
        _ = try await store.createOrganizer(
            name: "org-\(UUID().uuidString.prefix(6))", tokenHash: TokenHash.hash(token))
        return token
    }

    /// Creates a contest from YAML as an organizer; fails the test on any other status.
    func createContest(_ client: TestClient, organizer: String, yaml: String) async throws {
        let reply = try await client.call(.post, "/v1/admin/contests", token: organizer, body: Array(yaml.utf8))
        guard reply.status == .created else { throw FixtureError("create contest: \(reply.status) \(reply.text)") }
    }

    /// Registers a team and returns its token and id.
    func register(_ client: TestClient, contest: String, name: String) async throws -> (token: String, id: Int64) {
        let reply = try await client.json(.post, "/v1/contests/\(contest)/teams", TeamRegistrationRequest(name: name))
        guard reply.status == .created else { throw FixtureError("register \(name): \(reply.status) \(reply.text)") }
        let body = try reply.decode(TeamRegistrationResponse.self)
        return (body.token, body.teamId)
    }

    /// Runs one SQL statement and returns the first column of every row as text.
    func sql(_ statement: String) async throws -> [String] {
        let rows = try await store.client.query(PostgresQuery(unsafeSQL: statement), logger: logger)
        var result: [String] = []
        for try await value in rows.decode(String?.self) { result.append(value ?? "") }
        return result
    }

    /// A small contest: one public round, `limits` merged into the per-tick deadlines, and an
    /// optional `phases` list (YAML flow syntax).
    static func contestYAML(
        id: String, ticks: Int = 20, limits: String = "", heatSize: Int = 8,
        rounds: String = "[{seed: 11, public: true}]", phases: String? = nil
    ) -> String {
        let extra = limits.isEmpty ? "" : ", " + limits
        return """
            id: \(id)
            name: Fixture \(id)
            market: { instruments: [BTC-PERP, ETH-PERP], tick_ms: 1000 }
            evaluation: { ticks: \(ticks), heat_size: \(heatSize), starting_balance: "10000", rounds: \(rounds) }
            limits: { tick_deadline_ms: 3000, first_tick_deadline_ms: 15000, max_strikes: 5\(extra) }
            \(phases.map { "phases: \($0)" } ?? "")
            """
    }

    /// A seed strategy bundle with an extra comment line, so each variant has its own SHA-256.
    static func variantBundle(_ strategy: String, variant: Int) throws -> [UInt8] {
        let source = IntegrationHarness.repositoryRoot.appendingPathComponent("Seeds/strategies/\(strategy)")
        let directory = NSTemporaryDirectory() + "variant-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: source.path, toPath: directory)
        let file = directory + "/strategy.yaml"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try (text + "\n# variant \(variant)\n").write(toFile: file, atomically: true, encoding: .utf8)
        return try BundleArchive.pack(directory: directory, limits: BundleLimits())
    }
}

/// A setup step of a test fixture failed.
struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
