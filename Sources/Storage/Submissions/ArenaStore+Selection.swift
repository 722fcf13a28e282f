import Foundation
import PostgresNIO

extension ArenaStore {
    /// What `selectSubmission` did. A business refusal is a value, not an error.
    public enum SelectionOutcome: Sendable, Equatable {
        /// The submission is now the team's selected one (also when it already was).
        case selected
        /// No such submission of this team.
        case notFound
        /// Only submissions that passed validation and did not fail can be selected.
        case notSelectable(status: String)
    }

    /// Marks submission `id` as the team's final selection, clearing any earlier one, in one
    /// transaction. Evaluations then use it instead of the team's newest submission.
    ///
    /// Selections of one team are serialised on the team's row: two at once (of different
    /// submissions) would otherwise both clear "the other" selection before either committed and
    /// the second would hit the one-selected-per-team index. The last to commit wins.
    public func selectSubmission(id: Int64, teamId: Int64) async throws -> SelectionOutcome {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query("SELECT id FROM teams WHERE id = \(teamId) FOR NO KEY UPDATE", logger: logger)
            let rows = try await connection.query(
                "SELECT status FROM submissions WHERE id = \(id) AND team_id = \(teamId) FOR UPDATE", logger: logger)
            var status: String?
            for try await value in rows.decode(String.self) { status = value }
            guard let status else { return .notFound }
            guard Self.selectableStatuses.contains(status) else { return .notSelectable(status: status) }
            try await connection.query(
                """
                UPDATE submissions SET selected_at = NULL, updated_at = now()
                WHERE team_id = \(teamId) AND selected_at IS NOT NULL AND id <> \(id)
                """, logger: logger)
            try await connection.query(
                """
                UPDATE submissions SET selected_at = now(), updated_at = now()
                WHERE id = \(id) AND selected_at IS NULL
                """, logger: logger)
            return .selected
        }
    }

    /// The id of the team's selected submission, if it has one.
    public func selectedSubmissionId(teamId: Int64) async throws -> Int64? {
        let rows = try await client.query(
            "SELECT id FROM submissions WHERE team_id = \(teamId) AND selected_at IS NOT NULL", logger: logger)
        for try await id in rows.decode(Int64.self) { return id }
        return nil
    }

    /// Ids of every selected submission of a contest (organizer lists).
    public func selectedSubmissionIds(contestId: String) async throws -> Set<Int64> {
        let rows = try await client.query(
            "SELECT id FROM submissions WHERE contest_id = \(contestId) AND selected_at IS NOT NULL", logger: logger)
        var result = Set<Int64>()
        for try await id in rows.decode(Int64.self) { result.insert(id) }
        return result
    }

    /// Statuses of submissions an evaluation may use.
    static let selectableStatuses: Set<String> = ["queued", "running", "scored"]
}
