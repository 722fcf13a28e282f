import Logging
public import PostgresNIO

/// Applies migrations in order, each in its own transaction, recording name and SHA-256 in
/// `schema_migrations`. An applied migration whose file changed stops start-up.
public struct MigrationRunner: Sendable {
    /// What one `migrate` call did.
    public struct Outcome: Sendable, Equatable {
        public var applied: [String]
        public var alreadyApplied: [String]

        public init(applied: [String], alreadyApplied: [String]) {
            self.applied = applied
            self.alreadyApplied = alreadyApplied
        }
    }

    private let client: PostgresClient
    private let logger: Logger

    public init(client: PostgresClient, logger: Logger) {
        self.client = client
        self.logger = logger
    }

    /// Applies every pending migration; throws `migration_changed` naming the edited file.
    public func migrate(_ migrations: [Migration]) async throws -> Outcome {
        try await client.withConnection { connection in
            _ = try await connection.query("SELECT pg_advisory_lock(727274001)", logger: logger)
            do {
                let outcome = try await apply(migrations, on: connection)
                _ = try await connection.query("SELECT pg_advisory_unlock(727274001)", logger: logger)
                return outcome
            } catch {
                _ = try? await connection.query("SELECT pg_advisory_unlock(727274001)", logger: logger)
                throw error
            }
        }
    }

    /// Names of pending migrations, throwing if an applied one changed (used by readiness checks).
    public func pending(_ migrations: [Migration]) async throws -> [String] {
        try await client.withConnection { connection in
            try await createTable(on: connection)
            let applied = try await appliedHashes(on: connection)
            try checkUnchanged(migrations, applied: applied)
            return migrations.filter { applied[$0.name] == nil }.map(\.name)
        }
    }

    private func apply(_ migrations: [Migration], on connection: PostgresConnection) async throws -> Outcome {
        try await createTable(on: connection)
        let applied = try await appliedHashes(on: connection)
        try checkUnchanged(migrations, applied: applied)
        var outcome = Outcome(applied: [], alreadyApplied: [])
        for migration in migrations {
            if applied[migration.name] != nil {
                outcome.alreadyApplied.append(migration.name)
                continue
            }
            do {
                try await connection.withTransaction(logger: logger) { transaction in
                    for statement in SQLScript.statements(migration.sql) {
                        try await transaction.query(PostgresQuery(unsafeSQL: statement), logger: logger)
                    }
                    try await transaction.query(
                        "INSERT INTO schema_migrations (name, sha256) VALUES (\(migration.name), \(migration.sha256))",
                        logger: logger)
                }
            } catch {
                let detail = (error as? PSQLError)?.serverInfo?[.message] ?? "\(error)"
                throw StorageError(.migrationFailed, "migration \(migration.name) failed: \(detail)")
            }
            logger.info("applied migration", metadata: ["migration": "\(migration.name)"])
            outcome.applied.append(migration.name)
        }
        return outcome
    }

    private func createTable(on connection: PostgresConnection) async throws {
        // Service roles (arena_api, arena_runner) may not create tables: only create when missing.
        let existing = try await connection.query(
            "SELECT to_regclass('schema_migrations') IS NOT NULL", logger: logger)
        for try await exists in existing.decode(Bool.self) where exists { return }
        try await connection.query(
            """
            CREATE TABLE IF NOT EXISTS schema_migrations (
                name text PRIMARY KEY, sha256 text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())
            """, logger: logger)
    }

    private func appliedHashes(on connection: PostgresConnection) async throws -> [String: String] {
        var result: [String: String] = [:]
        let rows = try await connection.query("SELECT name, sha256 FROM schema_migrations", logger: logger)
        for try await (name, sha) in rows.decode((String, String).self) { result[name] = sha }
        return result
    }

    private func checkUnchanged(_ migrations: [Migration], applied: [String: String]) throws {
        for migration in migrations {
            if let recorded = applied[migration.name], recorded != migration.sha256 {
                throw StorageError(
                    .migrationChanged,
                    "migration \(migration.name) was edited after it was applied (recorded sha256 \(recorded.prefix(12))…, "
                        + "file now \(migration.sha256.prefix(12))…); add a new migration instead of editing an applied one"
                )
            }
        }
    }
}
