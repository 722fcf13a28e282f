public import Foundation
import PostgresNIO

extension ArenaStore {
    /// Counts against a team's quotas since `since` (start of the UTC day).
    public struct QuotaCounts: Sendable, Equatable {
        public var charged: Int
        public var invalid: Int
        public var inFlight: Int
    }

    /// Moves a submission to `status`, appending to its history; optionally sets report and charge.
    public func transitionSubmission(
        id: Int64, to status: String, detail: String? = nil,
        validationReport: String? = nil, charged: Bool? = nil
    ) async throws {
        try await client.withConnection { connection in
            try await Self.transition(
                connection, logger: logger, id: id, to: status, detail: detail,
                validationReport: validationReport, charged: charged)
        }
    }

    static func transition(
        _ connection: PostgresConnection, logger: Logger, id: Int64, to status: String,
        detail: String?, validationReport: String? = nil, charged: Bool? = nil
    ) async throws {
        let entry = try historyEntry(status: status, detail: detail)
        try await connection.query(
            """
            UPDATE submissions SET status = \(status), status_history = status_history || \(entry)::jsonb,
                validation_report = COALESCE(\(validationReport), validation_report),
                charged = COALESCE(\(charged), charged), updated_at = now()
            WHERE id = \(id)
            """, logger: logger)
    }

    /// A team's submissions, newest first.
    public func submissions(teamId: Int64) async throws -> [SubmissionRecord] {
        try await submissions("WHERE team_id = \(teamId) ORDER BY id DESC LIMIT 200")
    }

    /// One submission.
    public func submission(id: Int64) async throws -> SubmissionRecord? {
        try await submissions("WHERE id = \(id)").first
    }

    /// A submission's bundle bytes.
    public func bundle(submissionId: Int64) async throws -> Data? {
        let rows = try await client.query("SELECT bundle FROM submissions WHERE id = \(submissionId)", logger: logger)
        for try await data in rows.decode(Data.self) { return data }
        return nil
    }

    /// Quota counters of a team since `since`.
    public func quotaCounts(teamId: Int64, since: Date) async throws -> QuotaCounts {
        let rows = try await client.query(
            """
            SELECT count(*) FILTER (WHERE charged AND created_at >= \(since)),
                   count(*) FILTER (WHERE status = 'rejected' AND created_at >= \(since)),
                   count(*) FILTER (WHERE status IN ('received', 'validating', 'queued', 'running'))
            FROM submissions WHERE team_id = \(teamId)
            """, logger: logger)
        for try await (charged, invalid, inFlight) in rows.decode((Int64, Int64, Int64).self) {
            return QuotaCounts(charged: Int(charged), invalid: Int(invalid), inFlight: Int(inFlight))
        }
        return QuotaCounts(charged: 0, invalid: 0, inFlight: 0)
    }

    private func submissions(_ clause: PostgresQuery) async throws -> [SubmissionRecord] {
        var query: PostgresQuery =
            "SELECT id, team_id, contest_id, sha256, runtime, status, status_history::text, validation_report, charged, created_at FROM submissions "
        query.sql += clause.sql
        query.binds = clause.binds
        let rows = try await client.query(query, logger: logger)
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

    static func historyEntry(status: String, detail: String?) throws -> String {
        var entry: [String: String] = ["status": status, "at": ISO8601DateFormatter().string(from: Date())]
        if let detail { entry["detail"] = detail }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return String(decoding: try encoder.encode([entry]), as: UTF8.self)
    }
}
