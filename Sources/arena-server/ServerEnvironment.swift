import Foundation
import Logging
import PostgresNIO
import Prometheus
import LocalPostgres
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
    let store: ArenaStore
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
        guard let migrationsDirectory = Migration.locateDirectory(environment: environment) else {
            throw StorageError(
                .migrationsMissing,
                "Migrations/ not found; run from the repository or set ARENA_MIGRATIONS_DIR")
        }
        let migrations = try Migration.load(from: migrationsDirectory)
        var embedded: EmbeddedPostgres?
        let url: String
        if let configured = environment["DATABASE_URL"], !configured.isEmpty {
            url = configured
            logger.info("using DATABASE_URL")
        } else {
            let cluster = EmbeddedPostgres(
                configuration: .init(directory: state + "/postgres"), logger: logger)
            url = try cluster.start()
            embedded = cluster
        }
        let configuration = try DatabaseURL.configuration(from: url)
        let client = PostgresClient(configuration: configuration, backgroundLogger: logger)
        return ServerEnvironment(
            logger: logger, stateDirectory: state, database: client,
            databaseConfiguration: configuration, embedded: embedded,
            migrations: migrations, store: ArenaStore(client: client, logger: logger),
            metrics: metrics)
    }

    /// Applies pending migrations; throws (naming the file) if an applied one was edited.
    /// Uses a short-lived client of its own, so it can run before the service group starts.
    func migrate() async throws -> MigrationRunner.Outcome {
        let client = PostgresClient(configuration: databaseConfiguration, backgroundLogger: logger)
        return try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { await client.run() }
            defer { group.cancelAll() }
            return try await MigrationRunner(client: client, logger: logger).migrate(migrations)
        }
    }

    /// Stops the embedded cluster if this process started it.
    func shutdown() {
        embedded?.stop()
    }
}
