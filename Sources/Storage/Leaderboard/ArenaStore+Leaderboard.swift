public import Foundation
import PostgresNIO

extension ArenaStore {
    static func completeEvaluation(
        _ connection: PostgresConnection, logger: Logger, evaluationId: Int64, contestId: String,
        rank: @Sendable ([EvaluationResult]) throws -> [LeaderboardRowRecord]
    ) async throws {
        let results = try await evaluationResults(connection, logger: logger, evaluationId: evaluationId)
        // Evaluations may finish out of order (or be rerun later): an older one never replaces a
        // board computed from a newer one.
        let newer = try await connection.query(
            """
            SELECT 1 FROM leaderboard_rows WHERE contest_id = \(contestId) AND evaluation_id > \(evaluationId) LIMIT 1
            """, logger: logger)
        var superseded = false
        for try await _ in newer.decode(Int32.self) { superseded = true }
        // Before publication the board ranks public rounds only: private-round numbers (even
        // averaged in) would tell a team how its bot did on the held-out market.
        let published = try await contestPublished(connection, logger: logger, contestId: contestId)
        let visible = published ? results : results.filter(\.seedPublic)
        let board = superseded ? [] : try rank(visible)
        if !superseded {
            try await connection.query("DELETE FROM leaderboard_rows WHERE contest_id = \(contestId)", logger: logger)
        }
        for row in board {
            try await connection.query(
                """
                INSERT INTO leaderboard_rows (contest_id, team_id, evaluation_id, rank, score, score_ci, status, row)
                VALUES (\(contestId), \(row.teamId), \(evaluationId), \(row.rank), \(row.score), \(row.scoreCI),
                        \(row.status), \(row.rowJSON)::jsonb)
                """, logger: logger)
        }
        try await connection.query(
            "UPDATE evaluations SET status = 'complete', completed_at = now() WHERE id = \(evaluationId)",
            logger: logger)
        let submissions = Set(results.map(\.submissionId)).sorted()
        // A team learns that its bot faulted in a private round, and nothing more (no tick, no code).
        let privateFaults = Set(results.filter { !$0.seedPublic && $0.result.faultCode != nil }.map(\.submissionId))
        for id in submissions where try await currentStatus(connection, logger: logger, submissionId: id) == "running" {
            let detail =
                "evaluation \(evaluationId)" + (privateFaults.contains(id) ? "; faulted in a private round" : "")
            try await transition(connection, logger: logger, id: id, to: "scored", detail: detail)
        }
        try await appendAudit(
            connection, logger: logger, actor: "system", action: "leaderboard.updated",
            subject: "contest:\(contestId)", details: ["evaluation": "\(evaluationId)"])
    }

    /// Every stored result of an evaluation's runs, by run and team.
    static func evaluationResults(_ connection: PostgresConnection, logger: Logger, evaluationId: Int64) async throws
        -> [EvaluationResult]
    {
        let rows = try await connection.query(
            """
            SELECT r.id, r.round, r.heat, r.seed, r.seed_public, r.transcript_root, t.id, t.name,
                   t.disqualified_at IS NOT NULL, s.id, s.sha256, s.created_at,
                   x.final_equity, x.pnl, x.score, x.fees, x.funding, x.trades, x.liquidations, x.max_drawdown,
                   x.fault_code, x.fault_tick, x.rank_in_run
            FROM runs r JOIN run_results x ON x.run_id = r.id JOIN teams t ON t.id = x.team_id
            JOIN submissions s ON s.id = x.submission_id
            WHERE r.evaluation_id = \(evaluationId) ORDER BY r.id, x.team_id
            """, logger: logger)
        var results: [EvaluationResult] = []
        for try await row in rows.decode(
            (
                Int64, Int32, Int32, Int64?, Bool, String?, Int64, String, Bool, Int64, String, Date,
                Int64, Int64, Int64?, Int64, Int64, Int32, Int32, Int64, String?, Int64?, Int32
            ).self)
        {
            let record = RunResultRecord(
                teamId: row.6, submissionId: row.9, finalEquity: row.12, pnl: row.13, score: row.14, fees: row.15,
                funding: row.16, trades: Int(row.17), liquidations: Int(row.18), maxDrawdown: row.19,
                faultCode: row.20, faultTick: row.21, rankInRun: Int(row.22), reportJSON: "{}", logs: "")
            results.append(
                EvaluationResult(
                    runId: row.0, round: Int(row.1), heat: Int(row.2), seed: UInt64(bitPattern: row.3 ?? 0),
                    seedPublic: row.4,
                    transcriptRoot: row.5, teamId: row.6, teamName: row.7, disqualified: row.8, submissionId: row.9,
                    submissionSHA256: row.10, submittedAt: row.11, result: record))
        }
        return results
    }

    /// Every stored result of an evaluation's runs, by run and team (what boards are ranked from).
    public func evaluationResults(evaluationId: Int64) async throws -> [EvaluationResult] {
        try await client.withConnection { connection in
            try await Self.evaluationResults(connection, logger: logger, evaluationId: evaluationId)
        }
    }

    static func contestPublished(_ connection: PostgresConnection, logger: Logger, contestId: String) async throws
        -> Bool
    {
        let rows = try await connection.query(
            "SELECT published_at IS NOT NULL FROM contests WHERE id = \(contestId)", logger: logger)
        for try await published in rows.decode(Bool.self) { return published }
        return false
    }

    /// The stored leaderboard rows (JSON) by rank, with the evaluation id and time of the last update.
    public func leaderboard(contestId: String) async throws -> (rows: [String], evaluationId: Int64?, updatedAt: Date?)
    {
        let rows = try await client.query(
            """
            SELECT row::text, evaluation_id, updated_at FROM leaderboard_rows
            WHERE contest_id = \(contestId) ORDER BY rank, team_id
            """, logger: logger)
        var result: [String] = []
        var evaluation: Int64?
        var updated: Date?
        for try await (row, evaluationId, updatedAt) in rows.decode((String, Int64, Date).self) {
            result.append(row)
            evaluation = evaluationId
            updated = updatedAt
        }
        return (result, evaluation, updated)
    }
}
