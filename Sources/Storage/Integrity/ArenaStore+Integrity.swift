public import Foundation
import PostgresNIO

extension ArenaStore {
    /// The transcripts of an evaluation's complete runs, by run id (runner role: the API role
    /// may not read transcripts).
    public func evaluationTranscripts(evaluationId: Int64) async throws -> [EvaluationTranscript] {
        let rows = try await client.query(
            """
            SELECT id, transcript FROM runs
            WHERE evaluation_id = \(evaluationId) AND status = 'complete' AND transcript IS NOT NULL ORDER BY id
            """, logger: logger)
        var result: [EvaluationTranscript] = []
        for try await (id, transcript) in rows.decode((Int64, Data).self) {
            result.append(EvaluationTranscript(runId: id, transcript: transcript))
        }
        return result
    }

    /// Stores an evaluation's integrity report (runner role; append-only: the database checks
    /// that `sha256` is the bytes' hash and that the evaluation is complete) and records
    /// `integrity.reported` in the audit log, in one transaction. `transcriptRoots` (run id →
    /// root) are the runs the report was computed from: the evaluation's complete runs are read
    /// `FOR SHARE` in the same transaction (a rerun committing meanwhile waits), and a report of
    /// runs that changed is not stored (`.stale`). Storing the same bytes again is a no-op.
    public func storeIntegrityReport(
        evaluationId: Int64, contestId: String, report: Data, sha256: String, flaggedTeams: [String],
        transcriptRoots: [Int64: String], actor: String
    ) async throws -> IntegrityStoreOutcome {
        try await client.withTransaction(logger: logger) { connection in
            let current = try await connection.query(
                """
                SELECT r.id, r.transcript_root FROM runs r JOIN evaluations e ON e.id = r.evaluation_id
                WHERE r.evaluation_id = \(evaluationId) AND e.status = 'complete' AND r.status = 'complete'
                FOR SHARE OF r
                """, logger: logger)
            var roots: [Int64: String] = [:]
            for try await (id, root) in current.decode((Int64, String?).self) { roots[id] = root ?? "" }
            guard roots == transcriptRoots else { return .stale }
            let rows = try await connection.query(
                """
                INSERT INTO integrity_reports (evaluation_id, contest_id, report, sha256, flagged_teams)
                VALUES (\(evaluationId), \(contestId), \(report), \(sha256), \(Int32(flaggedTeams.count)))
                ON CONFLICT (evaluation_id, sha256) DO NOTHING RETURNING id
                """, logger: logger)
            var inserted = false
            for try await _ in rows.decode(Int64.self) { inserted = true }
            guard inserted else { return .alreadyStored }
            try await Self.appendAudit(
                connection, logger: logger, actor: actor, action: "integrity.reported",
                subject: "evaluation:\(evaluationId)",
                details: [
                    "contest": contestId, "sha256": sha256, "flagged_teams": flaggedTeams.joined(separator: ","),
                ])
            return .stored
        }
    }

    /// The newest integrity report of an evaluation, or of the contest's newest evaluation that
    /// has one when `evaluationId` is nil.
    public func integrityReport(contestId: String, evaluationId: Int64? = nil) async throws -> IntegrityReportRecord? {
        let rows = try await client.query(
            """
            SELECT id, evaluation_id, report, sha256, flagged_teams, created_at FROM integrity_reports
            WHERE contest_id = \(contestId) AND (\(evaluationId)::bigint IS NULL OR evaluation_id = \(evaluationId))
            ORDER BY evaluation_id DESC, id DESC LIMIT 1
            """, logger: logger)
        for try await (id, evaluation, report, sha256, flagged, created) in rows.decode(
            (Int64, Int64, Data, String, Int32, Date).self)
        {
            return IntegrityReportRecord(
                id: id, evaluationId: evaluation, contestId: contestId, report: report, sha256: sha256,
                flaggedTeams: Int(flagged), createdAt: created)
        }
        return nil
    }
}
