import APIServer
import BundleKit
import Foundation
import HeatRunner
import Hummingbird
import JobRunner
import Storage

/// Builds the Hummingbird application for `serve` and `demo`.
enum ApplicationFactory {
    static func make(environment: ServerEnvironment, host: String, port: Int) -> some ApplicationProtocol {
        let env = ProcessInfo.processInfo.environment
        var configuration = APIServerConfiguration(
            host: host, port: port, publicBaseURL: env["ARENA_PUBLIC_URL"],
            tokenRate: env["ARENA_RATE_LIMIT_TOKEN"].flatMap(Double.init) ?? 20,
            tokenBurst: env["ARENA_RATE_BURST_TOKEN"].flatMap(Double.init) ?? 60,
            addressRate: env["ARENA_RATE_LIMIT_IP"].flatMap(Double.init) ?? 500,
            addressBurst: env["ARENA_RATE_BURST_IP"].flatMap(Double.init) ?? 2000,
            engineVersion: HeatExecutor.engineVersion)
        configuration.metricsRegistry = environment.metrics
        configuration.applyAbuseControls(env)
        // The API connects as its own role (arena_api): it cannot write results, boards or keys.
        let store = environment.apiStore
        environment.connections.warnIfNotSeparated(api: true, runner: false, logger: environment.logger)
        let migrations = environment.migrations
        let logger = environment.logger
        let api = ArenaAPI(store: store, configuration: configuration, validator: BundleValidator()) {
            try await store.ping()
            let pending = try await MigrationRunner(client: store.client, logger: logger).pending(migrations)
            if !pending.isEmpty {
                throw StorageError(.migrationFailed, "pending migrations: \(pending.joined(separator: ", "))")
            }
        }
        return Application(
            responder: api.responder(), server: .http1(configuration: .init(idleTimeout: configuration.idleTimeAmount)),
            configuration: .init(address: .hostname(host, port: port), serverName: "perparena"),
            logger: environment.logger)
    }
}
