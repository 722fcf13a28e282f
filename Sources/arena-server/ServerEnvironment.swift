import ArenaResources
import Foundation
import LocalPostgres
import Logging
import PostgresNIO
import Prometheus
import Storage

/// What every server command needs: logging, state directory, the database (embedded or
/// `DATABASE_URL`) and the migrations.
struct ServerEnvironment {
    let logger: Logger
    let stateDirectory: String
    let database: PostgresClient
    let databaseConfiguration: PostgresClient.Configuration
    let embedded: EmbeddedPostgres?
    let migrations: [Migration]
    /// The owner's connection (or, without `DATABASE_URL`, the first per-service one):
    /// migrations, bootstrap commands, the demo's organizer.
    let store: ArenaStore
    /// Which URL each part uses (owner, API role, runner role).
    let connections: DatabaseConnections
    /// The API's connection (as `arena_api` when roles are separated).
    let apiStore: ArenaStore
    /// The runners' connection (as `arena_runner` when roles are separated).
    let runnerStore: ArenaStore
    /// Every distinct client, the owner's first (each must run while the services do).
    let clients: [PostgresClient]
    /// The Prometheus registry behind swift-metrics in this process.
    let metrics: PrometheusCollectorRegistry

    static func make(_ options: ServerOptions, label: String) throws -> ServerEnvironment {
        let environment = ProcessInfo.processInfo.environment
        LoggingBootstrap.bootstrap(level: options.logLevel)
        let metrics = MetricsBootstrap.bootstrap()
        let logger = Logger(label: label)
        let state =
            options.stateDir ?? environment["ARENA_STATE_DIR"]
            ?? FileManager.default.currentDirectoryPath + "/.arena"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let migrations = try Migration.load(from: RuntimePaths.resources.directory(for: .migrations))
        var embedded: EmbeddedPostgres?
        if DatabaseConnections.configured(environment) {
            logger.info("using the configured database URLs")
        } else {
            let cluster = EmbeddedPostgres(
                configuration: .init(directory: state + "/postgres"), logger: logger)
            try cluster.start()
            embedded = cluster
        }
        let connections = DatabaseConnections.resolve(environment, embeddedURL: embedded?.url)
        let configuration = try DatabaseURL.configuration(from: connections.ownerURL ?? connections.apiURL)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        var clients = [(connections.ownerURL ?? connections.apiURL, client)]
        func makeClient(for url: String) throws -> PostgresClient {
            if let existing = clients.first(where: { $0.0 == url }) { return existing.1 }
            let made = PostgresClient(configuration: try DatabaseURL.configuration(from: url), backgroundLogger: logger)
            clients.append((url, made))
            return made
        }
        let apiClient = try makeClient(for: connections.apiURL)
        let runnerClient = try makeClient(for: connections.runnerURL)
        return ServerEnvironment(
            logger: logger, stateDirectory: state, database: client,
            databaseConfiguration: configuration, embedded: embedded,
            migrations: migrations, store: ArenaStore(client: client, logger: logger),
            connections: connections, apiStore: ArenaStore(client: apiClient, logger: logger),
            runnerStore: ArenaStore(client: runnerClient, logger: logger), clients: clients.map(\.1),
            metrics: metrics)
    }

    /// Applies pending migrations; throws (naming the file) if an applied one was edited.
    /// Uses a short-lived client of its own, so it can run before the service group starts.
    /// Without the owner's URL (only per-service URLs set) nothing is applied: it fails when
    /// migrations are pending. The embedded cluster then lets the service roles log in.
    func migrate() async throws -> MigrationRunner.Outcome {
        let client = PostgresClient(configuration: databaseConfiguration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            let runner = MigrationRunner(client: client, logger: logger)
            guard connections.ownerURL != nil else {
                let pending = try await runner.pending(migrations)
                guard pending.isEmpty else {
                    throw StorageError(
                        .migrationFailed,
                        "migrations pending (\(pending.joined(separator: ", "))): run `arena-server migrate` with the owner's DATABASE_URL"
                    )
                }
                return MigrationRunner.Outcome(applied: [], alreadyApplied: migrations.map(\.name))
            }
            let outcome = try await runner.migrate(migrations)
            if connections.embedded {
                for role in [DatabaseConnections.apiRole, DatabaseConnections.runnerRole] {
                    try await client.query(PostgresQuery(unsafeSQL: "ALTER ROLE \(role) LOGIN"), logger: logger)
                }
            }
            return outcome
        }
    }

    /// Stops the embedded cluster if this process started it.
    func shutdown() {
        embedded?.stop()
    }
}
