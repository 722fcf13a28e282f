import Foundation
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
        let state = options.stateDir ?? environment["ARENA_STATE_DIR"]
            ?? FileManager.default.currentDirectoryPath + "/.arena"
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        guard let migrationsDirectory = Migration.locateDirectory(environment: environment) else {
            throw StorageError(.migrationsMissing,
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
        let client = PostgresClient(configuration: try DatabaseURL.configuration(from: url), backgroundLogger: logger)
        return ServerEnvironment(logger: logger, stateDirectory: state, database: client, embedded: embedded,
                                 migrations: migrations, store: ArenaStore(client: client, logger: logger),
                                 metrics: metrics)
    }

    /// Applies pending migrations; throws (naming the file) if an applied one was edited.
    func migrate() async throws -> MigrationRunner.Outcome {
        try await MigrationRunner(client: database, logger: logger).migrate(migrations)
    }

    /// Stops the embedded cluster if this process started it.
    func shutdown() {
        embedded?.stop()
    }
}
