import ArenaResources
import Foundation
import LocalPostgres
public import Logging
import PostgresNIO
import Storage
import Synchronization

/// PostgreSQL for tests: `DATABASE_URL` when set, otherwise one throwaway cluster per test
/// process (started on first use, removed at exit). Every call to `fresh()` creates a new,
/// migrated database, so tests never see each other's rows.
public enum TestDatabase {
    private static let state = Mutex<(cluster: EmbeddedPostgres?, counter: Int)>((nil, 0))

    /// A new empty database with all migrations applied; returns its URL.
    public static func fresh(logger: Logger = Logger(label: "test.db")) async throws -> String {
        let (serverURL, name) = try state.withLock { state -> (String, String) in
            state.counter += 1
            let name = "t\(getpid())_\(state.counter)"
            if let url = ProcessInfo.processInfo.environment["DATABASE_URL"], !url.isEmpty { return (url, name) }
            if state.cluster == nil {
                let directory =
                    NSTemporaryDirectory() + "perparena-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
                let cluster = EmbeddedPostgres(
                    configuration: .init(directory: directory, database: "postgres", fast: true, removeOnStop: true),
                    logger: logger)
                try cluster.start()
                state.cluster = cluster
                atexit { TestDatabase.stopCluster() }
            }
            return (state.cluster!.url, name)
        }
        let admin = PostgresClient(
            configuration: try DatabaseURL.configuration(from: serverURL), backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await admin.run() }
            _ = try await admin.query(PostgresQuery(unsafeSQL: "CREATE DATABASE \(name)"), logger: logger)
            group.cancelAll()
        }
        let url = Self.replacingDatabase(in: serverURL, with: name)
        let client = PostgresClient(configuration: try DatabaseURL.configuration(from: url), backgroundLogger: logger)
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            _ = try await MigrationRunner(client: client, logger: logger).migrate(
                try Migration.load(from: migrationsDirectory()))
            group.cancelAll()
        }
        return url
    }

    /// The repository's Migrations directory (`ARENA_MIGRATIONS_DIR`, else found above the test
    /// binary in `.build`, else above the current directory).
    public static func migrationsDirectory() throws -> String {
        try ResourceLocator(configuration: .process()).directory(for: .migrations)
    }

    static func stopCluster() {
        state.withLock { $0.cluster?.stop() }
    }

    static func replacingDatabase(in url: String, with name: String) -> String {
        guard var components = URLComponents(string: url) else { return url }
        components.path = "/" + name
        return components.string ?? url
    }
}
