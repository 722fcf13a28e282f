import APIServer
import BundleKit
import Foundation
import HeatRunner
import JobRunner
import Logging
import PostgresNIO
import Sandbox
import Storage
import TestSupport

/// A fresh migrated database reached three ways, as the embedded default wires it: the owner
/// (migrations, fixtures), the API as `arena_api` and the runners as `arena_runner`.
struct RoleFixture {
    let owner: ArenaStore
    let apiStore: ArenaStore
    let runnerStore: ArenaStore
    let api: ArenaAPI
    let stateDirectory: String
    let logger: Logger

    static func with(_ body: (RoleFixture) async throws -> Void) async throws {
        var logger = Logger(label: "role-fixture")
        logger.logLevel = .warning
        let url = try await TestDatabase.fresh(logger: logger)
        let ownerClient = PostgresClient(
            configuration: try DatabaseURL.configuration(from: url), backgroundLogger: logger)
        let apiClient = PostgresClient(
            configuration: try DatabaseURL.configuration(from: Self.url(url, user: "arena_api")),
            backgroundLogger: logger)
        let runnerClient = PostgresClient(
            configuration: try DatabaseURL.configuration(from: Self.url(url, user: "arena_runner")),
            backgroundLogger: logger)
        let owner = ArenaStore(client: ownerClient, logger: logger)
        let apiStore = ArenaStore(client: apiClient, logger: logger)
        let state = NSTemporaryDirectory() + "perparena-roles-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(
            atPath: state, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        defer { try? FileManager.default.removeItem(atPath: state) }
        let api = ArenaAPI(
            store: apiStore, configuration: APIServerConfiguration(leaderboardCacheMilliseconds: 0),
            validator: BundleValidator()
        ) { try await apiStore.ping() }
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await ownerClient.run() }
            group.addTask { await apiClient.run() }
            group.addTask { await runnerClient.run() }
            do {
                // Roles are cluster-wide: logging in as them is what the embedded default enables.
                for role in ["arena_api", "arena_runner"] {
                    _ = try await ownerClient.query(
                        PostgresQuery(unsafeSQL: "ALTER ROLE \(role) LOGIN"), logger: logger)
                }
                try await body(
                    RoleFixture(
                        owner: owner, apiStore: apiStore, runnerStore: ArenaStore(client: runnerClient, logger: logger),
                        api: api, stateDirectory: state, logger: logger))
            } catch {
                group.cancelAll()
                throw error
            }
            group.cancelAll()
        }
    }

    /// A runner connected as `arena_runner`; all runners of a fixture share the key directory.
    func runner(owner name: String = "role-runner") -> RunnerService {
        let build = IntegrationHarness.buildDirectory
        let sandbox = SandboxConfiguration(
            helperPath: build + "/arena-sandbox", workerPath: build + "/arena-worker",
            pythonSDKDirectory: IntegrationHarness.repositoryRoot.appendingPathComponent("Sources/PythonSDK").path,
            isolation: geteuid() == 0 ? .sandboxed : .plainProcess)
        return RunnerService(
            store: runnerStore,
            configuration: RunnerConfiguration(
                owner: name, workDirectory: stateDirectory + "/work-\(name)", keyDirectory: stateDirectory + "/keys",
                sandbox: sandbox),
            logger: logger)
    }

    func organizerToken() async throws -> String {
        let token = TokenHash.generate(prefix: "pa_org")
        _ = try await owner.createOrganizer(
            name: "org-\(UUID().uuidString.prefix(6))", tokenHash: TokenHash.hash(token))
        return token
    }

    /// Runs one statement on `store`'s connection and returns the first column of every row as text.
    static func sql(_ store: ArenaStore, _ statement: String) async throws -> [String] {
        let rows = try await store.client.query(PostgresQuery(unsafeSQL: statement), logger: store.logger)
        var result: [String] = []
        for try await value in rows.decode(String?.self) { result.append(value ?? "") }
        return result
    }

    /// The SQLSTATE a statement fails with on `store`'s connection, or nil when it succeeds.
    static func failure(_ store: ArenaStore, _ statement: String) async -> String? {
        do {
            let rows = try await store.client.query(PostgresQuery(unsafeSQL: statement), logger: store.logger)
            for try await _ in rows {}
            return nil
        } catch let error as PSQLError {
            return error.serverInfo?[.sqlState] ?? "unknown"
        } catch {
            return "\(error)"
        }
    }

    static func url(_ url: String, user: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.user = user
        components.password = nil
        return components.string ?? url
    }
}
