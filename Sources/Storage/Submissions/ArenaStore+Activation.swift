import PostgresNIO

extension ArenaStore {
    /// What `activateSubmission` did. A business refusal is a value, not an error.
    public enum ActivationOutcome: Sendable, Equatable {
        /// The submission is now the team's active entry.
        case activated
        /// It already was.
        case unchanged
        /// No such submission of this team.
        case notFound
        /// Only submissions that passed validation can be the team's entry.
        case notActivatable(status: String)
    }

    /// Statuses of submissions that passed validation: each may be the team's active entry.
    public static let validatedStatuses: Set<String> = ["queued", "running", "scored", "superseded"]

    /// Makes submission `id` the team's active entry (`arena_activate_submission`). Throws
    /// `StorageError.contestClosed` when the contest accepts no submissions now.
    public func activateSubmission(id: Int64, teamId: Int64) async throws -> ActivationOutcome {
        try await StorageError.mapping {
            let rows = try await client.query(
                "SELECT arena_activate_submission(\(teamId), \(id))", logger: logger)
            var answer = "not_found"
            for try await value in rows.decode(String.self) { answer = value }
            switch answer {
            case "activated": return .activated
            case "unchanged": return .unchanged
            case "not_found": return .notFound
            default: return .notActivatable(status: String(answer.drop { $0 != ":" }.dropFirst()))
            }
        }
    }

    /// The team's active entry: of its validated submissions, the one activated last (by passing
    /// validation, `activate`, or an identical re-submission); nil before any passed.
    public func activeSubmissionId(teamId: Int64) async throws -> Int64? {
        let rows = try await client.query(
            """
            SELECT id FROM submissions
            WHERE team_id = \(teamId) AND status IN ('queued', 'running', 'scored', 'superseded')
            ORDER BY activated_at DESC NULLS LAST, id DESC LIMIT 1
            """, logger: logger)
        for try await id in rows.decode(Int64.self) { return id }
        return nil
    }
}
