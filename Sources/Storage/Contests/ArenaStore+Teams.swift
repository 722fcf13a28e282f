public import Foundation
import PostgresNIO

extension ArenaStore {
    /// Registers a team with a token hash; nil when the name is taken in this contest. Throws
    /// `StorageError.contestClosed` when the database refuses (published, or no phase that
    /// accepts registrations is open).
    public func registerTeam(contestId: String, name: String, tokenHash: Data) async throws -> TeamRecord? {
        try await StorageError.mapping { try await insertTeam(contestId: contestId, name: name, tokenHash: tokenHash) }
    }

    private func insertTeam(contestId: String, name: String, tokenHash: Data) async throws -> TeamRecord? {
        try await client.withTransaction(logger: logger) { connection in
            let rows = try await connection.query(
                """
                INSERT INTO teams (contest_id, name) VALUES (\(contestId), \(name))
                ON CONFLICT (contest_id, name) DO NOTHING RETURNING id, created_at
                """, logger: logger)
            var inserted: (Int64, Date)?
            for try await row in rows.decode((Int64, Date).self) { inserted = row }
            guard let (id, createdAt) = inserted else { return nil }
            try await connection.query(
                "INSERT INTO team_tokens (token_sha256, team_id) VALUES (\(tokenHash), \(id))", logger: logger)
            return TeamRecord(
                id: id, contestId: contestId, name: name, createdAt: createdAt,
                disqualifiedAt: nil, disqualifyReason: nil)
        }
    }

    /// The team owning an unrevoked token, or nil.
    public func team(tokenHash: Data) async throws -> TeamRecord? {
        try await teams(
            """
            SELECT t.id, t.contest_id, t.name, t.created_at, t.disqualified_at, t.disqualify_reason
            FROM team_tokens k JOIN teams t ON t.id = k.team_id
            WHERE k.token_sha256 = \(tokenHash) AND k.revoked_at IS NULL
            """
        ).first
    }

    /// One team by id.
    public func team(id: Int64) async throws -> TeamRecord? {
        try await teams(
            """
            SELECT id, contest_id, name, created_at, disqualified_at, disqualify_reason FROM teams WHERE id = \(id)
            """
        ).first
    }

    /// A contest's teams by registration order.
    public func teams(contestId: String) async throws -> [TeamRecord] {
        try await teams(
            """
            SELECT id, contest_id, name, created_at, disqualified_at, disqualify_reason
            FROM teams WHERE contest_id = \(contestId) ORDER BY id
            """)
    }

    /// Revokes every token of the team and stores a new one.
    public func rotateToken(teamId: Int64, newHash: Data) async throws {
        try await client.withTransaction(logger: logger) { connection in
            try await connection.query(
                "UPDATE team_tokens SET revoked_at = now() WHERE team_id = \(teamId) AND revoked_at IS NULL",
                logger: logger)
            try await connection.query(
                "INSERT INTO team_tokens (token_sha256, team_id) VALUES (\(newHash), \(teamId))", logger: logger)
        }
    }

    /// Disqualifies (reason non-nil) or reinstates (nil) a team.
    public func setDisqualified(teamId: Int64, reason: String?) async throws {
        if let reason {
            try await client.query(
                "UPDATE teams SET disqualified_at = now(), disqualify_reason = \(reason) WHERE id = \(teamId)",
                logger: logger)
        } else {
            try await client.query(
                "UPDATE teams SET disqualified_at = NULL, disqualify_reason = NULL WHERE id = \(teamId)", logger: logger
            )
        }
    }

    private func teams(_ query: PostgresQuery) async throws -> [TeamRecord] {
        let rows = try await client.query(query, logger: logger)
        var result: [TeamRecord] = []
        for try await (id, contest, name, created, disqualified, reason) in rows.decode(
            (Int64, String, String, Date, Date?, String?).self)
        {
            result.append(
                TeamRecord(
                    id: id, contestId: contest, name: name, createdAt: created,
                    disqualifiedAt: disqualified, disqualifyReason: reason))
        }
        return result
    }
}
