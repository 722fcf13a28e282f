import Foundation
import PostgresNIO

extension ArenaStore {
    /// A contest's submissions, newest first (organizer view), at most `limit`.
    public func submissions(contestId: String, limit: Int = 500) async throws -> [SubmissionRecord] {
        let rows = try await client.query(
            """
            SELECT id, team_id, contest_id, sha256, runtime, status, status_history::text, validation_report, charged,
                   created_at
            FROM submissions WHERE contest_id = \(contestId) ORDER BY id DESC LIMIT \(Int64(limit))
            """, logger: logger)
        var result: [SubmissionRecord] = []
        for try await (id, team, contest, sha, runtime, status, history, report, charged, created) in rows.decode(
            (Int64, Int64, String, String, String, String, String, String?, Bool, Date).self)
        {
            result.append(
                SubmissionRecord(
                    id: id, teamId: team, contestId: contest, sha256: sha, runtime: runtime,
                    status: status, statusHistoryJSON: history, validationReport: report,
                    charged: charged, createdAt: created))
        }
        return result
    }

    /// A contest's runs, newest first (organizer view), at most `limit`.
    public func runs(contestId: String, limit: Int = 500) async throws -> [RunRecord] {
        let rows = try await client.query(
            """
            SELECT id, evaluation_id, contest_id, round, heat, seed, seed_public, status, transcript_root
            FROM runs WHERE contest_id = \(contestId) ORDER BY id DESC LIMIT \(Int64(limit))
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
}
