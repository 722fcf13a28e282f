public import Foundation
import PostgresNIO

extension ArenaStore {
    /// What `finishRun` did.
    public enum FinishOutcome: Sendable, Equatable {
        /// Another runner holds the job now; nothing was written.
        case leaseLost
        case recorded
        /// This was the evaluation's last run: the leaderboard was recomputed.
        case evaluationComplete(evaluationId: Int64)
    }

    /// Writes results, the run's transcript and attestation, completes the job and, when the
    /// evaluation is complete, recomputes the leaderboard with `rank` — all in one transaction,
    /// so no run is ever scored without results or the reverse. Results, transcript and
    /// attestation go through the database's lease-checked `arena_finish_run` (the runner role
    /// cannot write them any other way): nothing is written unless this runner holds the job.
    public func finishRun(
        _ completion: RunCompletion, rank: @Sendable ([EvaluationResult]) throws -> [LeaderboardRowRecord]
    ) async throws -> FinishOutcome {
        let resultsJSON = try Self.resultsJSON(completion.results)
        return try await client.withTransaction(logger: logger) { connection in
            let outcomeRows = try await connection.query(
                """
                SELECT arena_finish_run(\(completion.jobId), \(completion.owner), \(completion.runId),
                    \(completion.engineVersion), \(completion.configSHA256), \(completion.transcript),
                    \(completion.transcriptRoot), \(completion.attestationJSON), \(resultsJSON)::jsonb)
                """, logger: logger)
            var written = "lease_lost"
            for try await value in outcomeRows.decode(String.self) { written = value }
            guard written != "lease_lost" else { return .leaseLost }
            let rerun = written == "rerun"
            let runRows = try await connection.query(
                "SELECT evaluation_id, contest_id FROM runs WHERE id = \(completion.runId)", logger: logger)
            var evaluationId: Int64 = 0
            var contestId = ""
            for try await (evaluation, contest) in runRows.decode((Int64, String).self) {
                evaluationId = evaluation
                contestId = contest
            }
            try await Self.appendAudit(
                connection, logger: logger, actor: "runner:\(completion.owner)",
                action: rerun ? "run.recompleted" : "run.completed",
                subject: "run:\(completion.runId)",
                details: ["transcript_root": completion.transcriptRoot])
            if rerun {
                guard
                    try await Self.evaluationStatus(connection, logger: logger, evaluationId: evaluationId)
                        == "complete"
                else { return .recorded }
                try await Self.completeEvaluation(
                    connection, logger: logger, evaluationId: evaluationId,
                    contestId: contestId, rank: rank)
                return .evaluationComplete(evaluationId: evaluationId)
            }
            let progress = try await connection.query(
                """
                UPDATE evaluations SET runs_done = runs_done + 1 WHERE id = \(evaluationId)
                RETURNING runs_done, runs_total
                """, logger: logger)
            var complete = false
            for try await (done, total) in progress.decode((Int32, Int32).self) { complete = done >= total }
            guard complete else { return .recorded }
            try await Self.completeEvaluation(
                connection, logger: logger, evaluationId: evaluationId,
                contestId: contestId, rank: rank)
            return .evaluationComplete(evaluationId: evaluationId)
        }
    }

    /// Gives up on a run after its last attempt: the evaluation fails, its submissions become
    /// `failed` and are not charged (a platform failure never costs a team quota).
    public func failRunPermanently(runId: Int64, reason: String) async throws {
        try await client.withTransaction(logger: logger) { connection in
            // A failed rerun of a complete run leaves the earlier results (and the board) alone.
            if try await Self.runStatus(connection, logger: logger, runId: runId, lock: true) == "complete" {
                try await Self.appendAudit(
                    connection, logger: logger, actor: "system", action: "run.rerun_failed",
                    subject: "run:\(runId)", details: ["reason": reason])
                return
            }
            try await connection.query(
                "UPDATE runs SET status = 'failed', finished_at = now() WHERE id = \(runId)",
                logger: logger)
            try await connection.query(
                """
                UPDATE evaluations SET status = 'failed', completed_at = now()
                WHERE id = (SELECT evaluation_id FROM runs WHERE id = \(runId))
                """, logger: logger)
            let rows = try await connection.query(
                """
                SELECT DISTINCT e.submission_id FROM run_entries e JOIN runs r ON r.evaluation_id =
                    (SELECT evaluation_id FROM runs WHERE id = \(runId)) AND e.run_id = r.id
                """, logger: logger)
            var ids: [Int64] = []
            for try await id in rows.decode(Int64.self) { ids.append(id) }
            for id in ids where try await Self.currentStatus(connection, logger: logger, submissionId: id) == "running"
            {
                try await Self.transition(
                    connection, logger: logger, id: id, to: "failed",
                    detail: "platform failure, not charged: \(reason)", charged: false)
            }
            try await Self.appendAudit(
                connection, logger: logger, actor: "system", action: "run.failed",
                subject: "run:\(runId)", details: ["reason": reason])
        }
    }

    /// A run's stored transcript and attestation JSON as they may be served: before publication
    /// only for public rounds (a private round's artifacts are nil until then, whoever asks).
    public func runArtifacts(runId: Int64) async throws -> (transcript: Data?, attestation: String?, published: Bool)? {
        let rows = try await client.query(
            "SELECT transcript, attestation, published, seed_public FROM arena_run_artifacts(\(runId))",
            logger: logger)
        for try await (transcript, attestation, published, _) in rows.decode((Data?, String?, Bool, Bool).self) {
            return (transcript, attestation, published)
        }
        return nil
    }

    /// One team's result row in a run, with the number of teams in it.
    public func runResult(runId: Int64, teamId: Int64) async throws -> (RunResultRecord, teams: Int)? {
        let rows = try await client.query(
            """
            SELECT submission_id, final_equity, pnl, score, fees, funding, trades, liquidations, max_drawdown,
                   fault_code, fault_tick, rank_in_run, report::text, logs,
                   (SELECT count(*) FROM run_results x WHERE x.run_id = \(runId))
            FROM run_results WHERE run_id = \(runId) AND team_id = \(teamId)
            """, logger: logger)
        for try await row in rows.decode(
            (
                Int64, Int64, Int64, Int64?, Int64, Int64, Int32, Int32, Int64, String?, Int64?, Int32, String, String,
                Int64
            ).self)
        {
            let record = RunResultRecord(
                teamId: teamId, submissionId: row.0, finalEquity: row.1, pnl: row.2, score: row.3, fees: row.4,
                funding: row.5, trades: Int(row.6), liquidations: Int(row.7), maxDrawdown: row.8, faultCode: row.9,
                faultTick: row.10, rankInRun: Int(row.11), reportJSON: row.12, logs: row.13)
            return (record, Int(row.14))
        }
        return nil
    }

    /// Runs a team took part in, newest first.
    public func runs(teamId: Int64) async throws -> [RunRecord] {
        let rows = try await client.query(
            """
            SELECT r.id, r.evaluation_id, r.contest_id, r.round, r.heat, r.seed, r.seed_public, r.status, r.transcript_root
            FROM runs r JOIN run_entries e ON e.run_id = r.id WHERE e.team_id = \(teamId) ORDER BY r.id DESC LIMIT 200
            """, logger: logger)
        var result: [RunRecord] = []
        for try await (id, evaluation, contest, round, heat, seed, seedPublic, status, root) in rows.decode(
            (Int64, Int64, String, Int32, Int32, Int64?, Bool, String, String?).self)
        {
            result.append(
                RunRecord(
                    id: id, evaluationId: evaluation, contestId: contest, round: Int(round),
                    heat: Int(heat), seed: UInt64(bitPattern: seed ?? 0), seedPublic: seedPublic,
                    status: status, transcriptRoot: root))
        }
        return result
    }

    /// The results as the JSON array `arena_finish_run` reads (`jsonb_to_recordset`).
    static func resultsJSON(_ results: [RunResultRecord]) throws -> String {
        struct Row: Encodable {
            var teamId: Int64
            var submissionId: Int64
            var finalEquity: Int64
            var pnl: Int64
            var score: Int64?
            var fees: Int64
            var funding: Int64
            var trades: Int
            var liquidations: Int
            var maxDrawdown: Int64
            var faultCode: String?
            var faultTick: Int64?
            var rankInRun: Int
            var report: String
            var logs: String
        }
        let rows = results.map {
            Row(
                teamId: $0.teamId, submissionId: $0.submissionId, finalEquity: $0.finalEquity, pnl: $0.pnl,
                score: $0.score, fees: $0.fees, funding: $0.funding, trades: $0.trades, liquidations: $0.liquidations,
                maxDrawdown: $0.maxDrawdown, faultCode: $0.faultCode, faultTick: $0.faultTick, rankInRun: $0.rankInRun,
                report: $0.reportJSON, logs: $0.logs)
        }
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(rows), as: UTF8.self)
    }
}

extension ArenaStore {
    /// The definition evaluation `evaluationId` was planned with, or nil for an evaluation
    /// created before migration 0010 (or without one): its runs then use the contest's.
    public func evaluationDefinition(evaluationId: Int64) async throws -> PlannedDefinition? {
        let rows = try await client.query(
            "SELECT definition_json, definition_sha256 FROM evaluations WHERE id = \(evaluationId)", logger: logger)
        for try await (json, sha) in rows.decode((String?, String?).self) {
            guard let json, let sha else { return nil }
            return PlannedDefinition(json: json, sha256: sha)
        }
        return nil
    }
}
