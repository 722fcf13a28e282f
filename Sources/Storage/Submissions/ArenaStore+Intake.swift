public import Foundation
import PostgresNIO

extension ArenaStore {
    /// Stores an uploaded bundle with its verdict in ONE transaction: the row (`received` →
    /// `validating`), then either `rejected` with its code and report, or the report, the quota
    /// charge and the `validate` job of its episode. A crash or a database restart midway leaves
    /// nothing behind — never a submission stuck `received`/`validating` without a job, which would
    /// hold one of the team's in-flight slots forever. Throws `StorageError.contestClosed` when the
    /// database refuses (published, or no phase that accepts submissions is open).
    public func intakeSubmission(
        teamId: Int64, contestId: String, sha256: String, runtime: String, bundle: Data,
        verdict: SubmissionVerdict
    ) async throws -> Int64 {
        let received = try Self.historyEntry(status: "received", detail: nil)
        return try await StorageError.mapping {
            try await client.withTransaction(logger: logger) { connection in
                let rows = try await connection.query(
                    """
                    INSERT INTO submissions (team_id, contest_id, sha256, runtime, bundle, status, status_history)
                    VALUES (\(teamId), \(contestId), \(sha256), \(runtime), \(bundle), 'received', \(received)::jsonb)
                    RETURNING id
                    """, logger: logger)
                var stored: Int64?
                for try await id in rows.decode(Int64.self) { stored = id }
                guard let id = stored else { throw StorageError(.conflict, "submission was not stored") }
                try await Self.transition(connection, logger: logger, id: id, to: "validating", detail: nil)
                switch verdict.storable {
                case .rejected(let code, let report):
                    try await Self.transition(
                        connection, logger: logger, id: id, to: "rejected", detail: code, validationReport: report)
                case .accepted(let report):
                    try await connection.query(
                        """
                        UPDATE submissions SET validation_report = \(report), charged = true, updated_at = now()
                        WHERE id = \(id)
                        """, logger: logger)
                    try await connection.query(
                        """
                        INSERT INTO jobs (kind, contest_id, submission_id, status)
                        VALUES ('validate', \(contestId), \(id), 'queued')
                        """, logger: logger)
                }
                return id
            }
        }
    }
}
