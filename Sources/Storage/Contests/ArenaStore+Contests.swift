public import Foundation
import PostgresNIO

extension ArenaStore {
    /// Creates the contest, or updates its definition when it exists. Returns true when created.
    ///
    /// `definitionJSON` is stored as the definition (and, as exact bytes, as the public
    /// definition); pass the redacted public definition. `secret` (salt, secret JSON and its
    /// commitment) is stored apart, never served. A published contest refuses any change
    /// (`StorageError.contestClosed`).
    public func upsertContest(
        id: String, name: String, definitionJSON: String, sha256: String,
        registrationOpen: Bool, inviteCodeHash: Data?, secret: ContestSecretRecord? = nil
    ) async throws -> Bool {
        try await StorageError.mapping {
            try await client.withTransaction(logger: logger) { connection in
                let rows = try await connection.query(
                    """
                    INSERT INTO contests (id, name, definition, public_definition, definition_sha256, secret_sha256,
                                          registration_open, invite_code_sha256)
                    VALUES (\(id), \(name), \(definitionJSON)::jsonb, \(definitionJSON), \(sha256), \(secret?.sha256),
                            \(registrationOpen), \(inviteCodeHash))
                    ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, definition = EXCLUDED.definition,
                        public_definition = EXCLUDED.public_definition, definition_sha256 = EXCLUDED.definition_sha256,
                        secret_sha256 = EXCLUDED.secret_sha256, updated_at = now()
                    RETURNING (xmax = 0)
                    """, logger: logger)
                var created = false
                for try await value in rows.decode(Bool.self) { created = value }
                if let secret {
                    try await connection.query(
                        """
                        INSERT INTO contest_secrets (contest_id, salt, secret) VALUES (\(id), \(secret.salt), \(secret.json))
                        ON CONFLICT (contest_id) DO UPDATE SET salt = EXCLUDED.salt, secret = EXCLUDED.secret
                        """, logger: logger)
                }
                return created
            }
        }
    }

    /// One contest, or nil.
    public func contest(id: String) async throws -> ContestRecord? {
        try await contests(where: id).first
    }

    /// Every contest, newest first.
    public func contests() async throws -> [ContestRecord] { try await contests(where: nil) }

    private func contests(where id: String?) async throws -> [ContestRecord] {
        let rows = try await client.query(
            """
            SELECT id, name, definition::text, definition_sha256, registration_open, invite_code_sha256, frozen_at,
                   published_at, public_definition, secret_sha256, sealed_evaluation_id
            FROM contests WHERE (\(id)::text IS NULL OR id = \(id)) ORDER BY created_at DESC, id
            """, logger: logger)
        var result: [ContestRecord] = []
        for try await (cid, name, json, sha, open, invite, frozen, published, publicJSON, secret, sealed)
            in rows.decode((String, String, String, String, Bool, Data?, Date?, Date?, String?, String?, Int64?).self)
        {
            result.append(
                ContestRecord(
                    id: cid, name: name, definitionJSON: json, definitionSHA256: sha,
                    registrationOpen: open, inviteCodeSHA256: invite, frozenAt: frozen,
                    publishedAt: published, publicDefinition: publicJSON, secretSHA256: secret,
                    sealedEvaluationId: sealed))
        }
        return result
    }

    /// Opens or closes registration.
    public func setRegistration(contestId: String, open: Bool) async throws {
        try await client.query(
            "UPDATE contests SET registration_open = \(open), updated_at = now() WHERE id = \(contestId)",
            logger: logger)
    }

    /// Sets (or clears, with nil) the invite code hash.
    public func setInviteCode(contestId: String, hash: Data?) async throws {
        try await client.query(
            "UPDATE contests SET invite_code_sha256 = \(hash), updated_at = now() WHERE id = \(contestId)",
            logger: logger)
    }

    /// Freezes or unfreezes the public leaderboard. Freezing takes the public snapshot of the
    /// current rows in the database (`arena_set_frozen`: the API role cannot write boards);
    /// unfreezing clears it. A published contest refuses (`StorageError.contestClosed`).
    public func setFrozen(contestId: String, frozen: Bool) async throws {
        try await StorageError.mapping {
            let rows = try await client.query("SELECT arena_set_frozen(\(contestId), \(frozen))", logger: logger)
            for try await _ in rows {}
        }
    }
}
