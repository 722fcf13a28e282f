import PostgresNIO

extension ArenaStore {
    /// Marks a job done without other work (e.g. an `evaluate` job of a published contest);
    /// false when this runner no longer holds its lease.
    public func completeJob(jobId: Int64, owner: String) async throws -> Bool {
        try await client.withTransaction(logger: logger) { connection in
            try await Self.completeJob(connection, logger: logger, jobId: jobId, owner: owner)
        }
    }
}
