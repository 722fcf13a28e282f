import Foundation
import PostgresNIO

extension ArenaStore {
    /// What `requeueRun` did. A business refusal is a value, not an error.
    public enum RerunOutcome: Sendable, Equatable {
        /// A new `run` job was queued.
        case queued(jobId: Int64)
        case notFound
        /// The run is queued or running already (or a rerun is pending).
        case inProgress
    }

    /// Queues a new attempt of an existing run (organizer rerun).
    ///
    /// Semantics, all enforced by `finishRun` and `failRunPermanently` in their one transaction:
    /// - A **complete** run keeps its status and results until the new attempt commits; then its
    ///   results are replaced (delete + insert in the same transaction as the job completion) and,
    ///   when its evaluation is complete and still the newest on the board, the leaderboard is
    ///   recomputed. If the new attempt fails for good, the old results stay and nothing is charged.
    /// - A **failed** run goes back to `queued`, its evaluation back to `running` and the
    ///   evaluation's `failed` submissions back to `running` (still not charged); when the rerun
    ///   completes and it was the last missing run, the evaluation completes as usual.
    public func requeueRun(runId: Int64, actor: String) async throws -> RerunOutcome {
        // A published board names this run's transcript and results: a completed run of a
        // published contest is never replaced (migration 0008 refuses it again at commit time).
        let sealed = try await client.query(
            """
            SELECT r.contest_id FROM runs r JOIN contests c ON c.id = r.contest_id
            WHERE r.id = \(runId) AND r.status = 'complete' AND c.published_at IS NOT NULL
            """, logger: logger)
        for try await contestId in sealed.decode(String.self) {
            throw StorageError(
                .sealed,
                "run \(runId) is part of the published results of \(contestId): a completed run cannot be rerun "
                    + "after publication (a run that failed for a platform reason can; then amend the board)")
        }
        return try await client.withTransaction(logger: logger) { connection in
            let rows = try await connection.query(
                "SELECT status, evaluation_id, contest_id FROM runs WHERE id = \(runId) FOR UPDATE", logger: logger)
            var found: (String, Int64, String)?
            for try await row in rows.decode((String, Int64, String).self) { found = row }
            guard let found else { return .notFound }
            let (status, evaluationId, contestId) = found
            guard status == "complete" || status == "failed" else { return .inProgress }
            let active = try await connection.query(
                "SELECT 1 FROM jobs WHERE run_id = \(runId) AND status IN ('queued', 'running') LIMIT 1", logger: logger
            )
            for try await _ in active.decode(Int32.self) { return .inProgress }
            if status == "failed" {
                try await Self.reopenFailedRun(connection, logger: logger, runId: runId, evaluationId: evaluationId)
            }
            let jobRows = try await connection.query(
                """
                INSERT INTO jobs (kind, contest_id, evaluation_id, run_id, status)
                VALUES ('run', \(contestId), \(evaluationId), \(runId), 'queued') RETURNING id
                """, logger: logger)
            var jobId: Int64 = 0
            for try await id in jobRows.decode(Int64.self) { jobId = id }
            try await Self.appendAudit(
                connection, logger: logger, actor: actor, action: "run.rerun_requested",
                subject: "run:\(runId)", details: ["job": "\(jobId)", "previous_status": status])
            return .queued(jobId: jobId)
        }
    }

    private static func reopenFailedRun(
        _ connection: PostgresConnection, logger: Logger, runId: Int64,
        evaluationId: Int64
    ) async throws {
        try await connection.query(
            "UPDATE runs SET status = 'queued', finished_at = NULL WHERE id = \(runId)", logger: logger)
        try await connection.query(
            """
            UPDATE evaluations SET status = 'running', completed_at = NULL
            WHERE id = \(evaluationId) AND status = 'failed'
            """, logger: logger)
        let rows = try await connection.query(
            """
            SELECT DISTINCT e.submission_id FROM run_entries e JOIN runs r ON r.id = e.run_id
            JOIN submissions s ON s.id = e.submission_id
            WHERE r.evaluation_id = \(evaluationId) AND s.status = 'failed'
            """, logger: logger)
        var ids: [Int64] = []
        for try await id in rows.decode(Int64.self) { ids.append(id) }
        for id in ids.sorted() {
            try await transition(
                connection, logger: logger, id: id, to: "running",
                detail: "run \(runId) is being rerun (still not charged)")
        }
    }
}

extension ArenaStore {
    static func runStatus(
        _ connection: PostgresConnection, logger: Logger, runId: Int64,
        lock: Bool = false
    ) async throws -> String? {
        let query: PostgresQuery =
            lock
            ? "SELECT status FROM runs WHERE id = \(runId) FOR UPDATE" : "SELECT status FROM runs WHERE id = \(runId)"
        let rows = try await connection.query(query, logger: logger)
        for try await status in rows.decode(String.self) { return status }
        return nil
    }

    static func evaluationStatus(_ connection: PostgresConnection, logger: Logger, evaluationId: Int64) async throws
        -> String?
    {
        let rows = try await connection.query(
            "SELECT status FROM evaluations WHERE id = \(evaluationId)", logger: logger)
        for try await status in rows.decode(String.self) { return status }
        return nil
    }
}
