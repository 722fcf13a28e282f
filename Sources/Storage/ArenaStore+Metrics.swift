import PostgresNIO

extension ArenaStore {
    /// Every state a submission can be in (the `submissions.status` check constraint).
    public static let submissionStates = [
        "received", "validating", "rejected", "queued", "running", "scored", "failed", "superseded",
    ]
    /// Every state a run can be in (the `runs.status` check constraint).
    public static let runStates = ["queued", "running", "complete", "failed"]

    /// Reads the cluster-wide counts published as gauges on `/metrics` (five small queries).
    public func operationalSnapshot() async throws -> OperationalSnapshot {
        let queue = try await queueStats()
        var snapshot = OperationalSnapshot(queueDepth: queue.depth, oldestQueuedAgeSeconds: queue.oldestAgeSeconds)
        snapshot.jobsRunningByKind = try await countsByKey(
            "SELECT kind, count(*) FROM jobs WHERE status = 'running' GROUP BY kind")
        snapshot.submissionsByState = try await countsByKey(
            "SELECT status, count(*) FROM submissions GROUP BY status")
        snapshot.runsByState = try await countsByKey("SELECT status, count(*) FROM runs GROUP BY status")
        snapshot.databaseSessionsByState = try await countsByKey(
            """
            SELECT coalesce(state, 'unknown'), count(*) FROM pg_stat_activity
            WHERE datname = current_database() GROUP BY 1
            """)
        let rows = try await client.query("SELECT current_setting('max_connections')::int8", logger: logger)
        for try await maximum in rows.decode(Int64.self) { snapshot.databaseMaxConnections = Int(maximum) }
        return snapshot
    }

    private func countsByKey(_ query: PostgresQuery) async throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let rows = try await client.query(query, logger: logger)
        for try await (key, count) in rows.decode((String, Int64).self) { counts[key] = Int(count) }
        return counts
    }
}
