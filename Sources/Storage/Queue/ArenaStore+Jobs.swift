import Foundation
import Logging
import PostgresNIO

extension ArenaStore {
    /// Queues an evaluation of the contest unless one is already waiting (submissions arriving
    /// together share one evaluation). Returns the job id.
    @discardableResult
    public func enqueueEvaluation(contestId: String) async throws -> Int64 {
        try await client.withTransaction(logger: logger) { connection in
            _ = try await connection.query(
                "SELECT pg_advisory_xact_lock(727274002, hashtext(\(contestId)))", logger: logger)
            let existing = try await connection.query(
                "SELECT id FROM jobs WHERE kind = 'evaluate' AND contest_id = \(contestId) AND status = 'queued' LIMIT 1",
                logger: logger)
            for try await id in existing.decode(Int64.self) { return id }
            let rows = try await connection.query(
                "INSERT INTO jobs (kind, contest_id, status) VALUES ('evaluate', \(contestId), 'queued') RETURNING id",
                logger: logger)
            for try await id in rows.decode(Int64.self) { return id }
            throw StorageError(.conflict, "job not created")
        }
    }

    /// Claims the oldest available job (queued and due, or running with an expired lease and
    /// attempts left) with `FOR UPDATE SKIP LOCKED`, so any number of runners can poll
    /// concurrently. Every claim counts as an attempt, a re-claim after an expired lease too;
    /// a job whose lease expired on its last attempt is failed for good first
    /// (`failExhaustedLeases`), so an input that kills every runner cannot crash-loop them.
    public func claimJob(owner: String, lease: Duration) async throws -> JobRecord? {
        try await failExhaustedLeases(owner: owner, lease: lease)
        let seconds = Double(lease.components.seconds)
        let rows = try await client.query(
            """
            UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_owner = \(owner),
                lease_expires_at = now() + make_interval(secs => \(seconds)), updated_at = now()
            WHERE id = (
                SELECT id FROM jobs
                WHERE (status = 'queued' AND available_at <= now())
                   OR (status = 'running' AND lease_expires_at < now() AND attempts < max_attempts)
                ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING id, kind, contest_id, evaluation_id, run_id, attempts, max_attempts
            """, logger: logger)
        for try await (id, kind, contest, evaluation, run, attempts, maxAttempts) in rows.decode(
            (Int64, String, String, Int64?, Int64?, Int32, Int32).self)
        {
            return JobRecord(
                id: id, kind: JobRecord.Kind(rawValue: kind) ?? .run, contestId: contest,
                evaluationId: evaluation, runId: run, attempts: Int(attempts), maxAttempts: Int(maxAttempts))
        }
        return nil
    }

    /// Fails for good every job whose lease expired on its last attempt (its runner stopped
    /// `max_attempts` times without finishing: crash, kill, lost connection), as a last failed
    /// attempt would: the job is `failed` and, for a run, the run, its evaluation and its
    /// submissions fail (not charged). Each job is first leased to `owner` without counting an
    /// attempt, so concurrent runners never fail the same job twice; if this runner stops
    /// half-way, the short lease expires and another runner finishes the job's failure.
    func failExhaustedLeases(owner: String, lease: Duration) async throws {
        let seconds = Double(lease.components.seconds)
        while true {
            let rows = try await client.query(
                """
                UPDATE jobs SET lease_owner = \(owner), lease_expires_at = now() + make_interval(secs => \(seconds)),
                    updated_at = now()
                WHERE id = (
                    SELECT id FROM jobs
                    WHERE status = 'running' AND lease_expires_at < now() AND attempts >= max_attempts
                    ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
                RETURNING id, kind, run_id, attempts
                """, logger: logger)
            var exhausted: (id: Int64, kind: String, runId: Int64?, attempts: Int32)?
            for try await row in rows.decode((Int64, String, Int64?, Int32).self) { exhausted = row }
            guard let exhausted else { return }
            let reason =
                "the runner stopped without finishing on each of \(exhausted.attempts) attempts (lease expired)"
            logger.error(
                "job failed for good: lease expired on its last attempt",
                metadata: ["job": "\(exhausted.id)", "attempts": "\(exhausted.attempts)"])
            _ = try await failJob(jobId: exhausted.id, owner: owner, error: reason, retryable: false)
            if exhausted.kind == JobRecord.Kind.run.rawValue, let runId = exhausted.runId {
                try await failRunPermanently(runId: runId, reason: reason)
            }
            if exhausted.kind == JobRecord.Kind.validate.rawValue {
                try await failValidationPermanently(jobId: exhausted.id, reason: reason)
            }
        }
    }

    /// Extends the lease; false when this runner no longer holds it (another runner took over).
    public func heartbeat(jobId: Int64, owner: String, lease: Duration) async throws -> Bool {
        let seconds = Double(lease.components.seconds)
        let rows = try await client.query(
            """
            UPDATE jobs SET lease_expires_at = now() + make_interval(secs => \(seconds)), updated_at = now()
            WHERE id = \(jobId) AND lease_owner = \(owner) AND status = 'running' RETURNING id
            """, logger: logger)
        for try await _ in rows.decode(Int64.self) { return true }
        return false
    }

    /// Records a failed attempt: back to the queue with exponential backoff, or `failed` when
    /// attempts are exhausted. Returns true when the job failed for good.
    @discardableResult
    public func failJob(jobId: Int64, owner: String, error: String, retryable: Bool = true) async throws -> Bool {
        let rows = try await client.query(
            """
            UPDATE jobs SET
                status = CASE WHEN \(retryable) AND attempts < max_attempts THEN 'queued' ELSE 'failed' END,
                available_at = now() + make_interval(secs => least(300, power(2, attempts))::double precision),
                lease_owner = NULL, lease_expires_at = NULL, last_error = \(String(error.prefix(2000))), updated_at = now()
            WHERE id = \(jobId) AND lease_owner = \(owner) RETURNING status
            """, logger: logger)
        for try await status in rows.decode(String.self) { return status == "failed" }
        return false
    }

    /// Hands a lease back without counting the attempt (graceful shutdown).
    public func releaseJob(jobId: Int64, owner: String) async throws {
        try await client.query(
            """
            UPDATE jobs SET status = 'queued', attempts = greatest(0, attempts - 1), lease_owner = NULL,
                lease_expires_at = NULL, available_at = now(), updated_at = now()
            WHERE id = \(jobId) AND lease_owner = \(owner) AND status = 'running'
            """, logger: logger)
    }

    /// Marks a job done inside a caller's transaction; false if the lease was lost.
    static func completeJob(_ connection: PostgresConnection, logger: Logger, jobId: Int64, owner: String) async throws
        -> Bool
    {
        let rows = try await connection.query(
            """
            UPDATE jobs SET status = 'done', lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
            WHERE id = \(jobId) AND lease_owner = \(owner) AND status = 'running' RETURNING id
            """, logger: logger)
        for try await _ in rows.decode(Int64.self) { return true }
        return false
    }

    /// Queue depth and age of the oldest waiting job, for metrics.
    public func queueStats() async throws -> (depth: Int, oldestAgeSeconds: Double, running: Int) {
        let rows = try await client.query(
            """
            SELECT count(*) FILTER (WHERE status = 'queued'),
                   coalesce(extract(epoch FROM now() - min(created_at) FILTER (WHERE status = 'queued')), 0)::float8,
                   count(*) FILTER (WHERE status = 'running')
            FROM jobs
            """, logger: logger)
        for try await (depth, age, running) in rows.decode((Int64, Double, Int64).self) {
            return (Int(depth), age, Int(running))
        }
        return (0, 0, 0)
    }
}
