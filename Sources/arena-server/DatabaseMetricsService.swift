import Foundation
import Logging
import Metrics
import ServiceLifecycle
import Storage

/// Publishes cluster-wide gauges read from PostgreSQL (queue depth and oldest job age, jobs
/// leased, submissions and runs by state, database sessions) every few seconds until graceful
/// shutdown. Runs in the API process, so `/metrics` of any API server shows the whole cluster.
struct DatabaseMetricsService: Service {
    let store: ArenaStore
    let configuration: DatabaseMetricsConfiguration
    let logger: Logger

    func run() async throws {
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                await refresh()
                try? await Task.sleep(for: configuration.interval)
            }
        }
    }

    /// Reads one snapshot and records it; a failed read is logged and leaves the gauges as they were.
    func refresh() async {
        let snapshot: OperationalSnapshot
        do {
            // Bounded: a query lost on a connection that dropped (a database restart) must not
            // stop the refresh loop for good.
            let store = store
            snapshot = try await DatabaseDeadline.run(.seconds(10)) { try await store.operationalSnapshot() }
        } catch {
            logger.warning("metrics refresh failed", metadata: ["error": "\(error)"])
            Counter(label: "arena_metrics_refresh_failures_total").increment()
            return
        }
        Gauge(label: "arena_queue_depth").record(snapshot.queueDepth)
        Gauge(label: "arena_queue_oldest_job_age_seconds").record(snapshot.oldestQueuedAgeSeconds)
        for kind in ["evaluate", "run", "publish"] {
            Gauge(label: "arena_jobs_leased", dimensions: [("kind", kind)]).record(
                snapshot.jobsRunningByKind[kind] ?? 0)
        }
        for state in ArenaStore.submissionStates {
            Gauge(label: "arena_submissions", dimensions: [("state", state)])
                .record(snapshot.submissionsByState[state] ?? 0)
        }
        for state in ArenaStore.runStates {
            Gauge(label: "arena_runs", dimensions: [("state", state)]).record(snapshot.runsByState[state] ?? 0)
        }
        for state in ["active", "idle", "idle in transaction", "idle in transaction (aborted)", "unknown"] {
            Gauge(label: "arena_db_sessions", dimensions: [("state", state)])
                .record(snapshot.databaseSessionsByState[state] ?? 0)
        }
        Gauge(label: "arena_db_max_connections").record(snapshot.databaseMaxConnections)
    }
}

extension DatabaseMetricsService {
    /// The service for an API process; the interval comes from `ARENA_METRICS_REFRESH_SECONDS`.
    static func make(
        environment: ServerEnvironment,
        variables: [String: String] = ProcessInfo.processInfo.environment
    ) -> DatabaseMetricsService {
        var configuration = DatabaseMetricsConfiguration()
        if let seconds = variables["ARENA_METRICS_REFRESH_SECONDS"].flatMap(Int.init), seconds > 0 {
            configuration.interval = .seconds(seconds)
        }
        return DatabaseMetricsService(
            store: environment.store, configuration: configuration, logger: environment.logger)
    }
}
