public import Foundation
import PostgresNIO

extension ArenaStore {
    /// Creates an organizer with a token hash; nil if the name exists already.
    public func createOrganizer(name: String, tokenHash: Data) async throws -> Int64? {
        try await client.withTransaction(logger: logger) { connection in
            let rows = try await connection.query(
                "INSERT INTO organizers (name) VALUES (\(name)) ON CONFLICT (name) DO NOTHING RETURNING id",
                logger: logger)
            var id: Int64?
            for try await value in rows.decode(Int64.self) { id = value }
            guard let id else { return nil }
            try await connection.query(
                "INSERT INTO organizer_tokens (token_sha256, organizer_id) VALUES (\(tokenHash), \(id))", logger: logger
            )
            return id
        }
    }

    /// Adds a token for an existing organizer (used to re-issue the demo organizer's token).
    public func addOrganizerToken(name: String, tokenHash: Data) async throws -> Bool {
        let rows = try await client.query(
            """
            INSERT INTO organizer_tokens (token_sha256, organizer_id)
            SELECT \(tokenHash), id FROM organizers WHERE name = \(name) RETURNING organizer_id
            """, logger: logger)
        for try await _ in rows.decode(Int64.self) { return true }
        return false
    }

    /// The organizer name owning an unrevoked token, or nil.
    public func organizer(tokenHash: Data) async throws -> String? {
        let rows = try await client.query(
            """
            SELECT o.name FROM organizer_tokens k JOIN organizers o ON o.id = k.organizer_id
            WHERE k.token_sha256 = \(tokenHash) AND k.revoked_at IS NULL
            """, logger: logger)
        for try await name in rows.decode(String.self) { return name }
        return nil
    }
}
