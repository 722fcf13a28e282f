import Foundation
import PostgresNIO
import Storage
import TestSupport
import Testing

/// Migrations: applied once, in order, recorded with their hash; an edited applied file stops start-up.
@Suite(.serialized)
struct MigrationTests {
    @Test func reapplyingChangesNothingAndAnEditedFileIsRefused() async throws {
        try await IntegrationHarness.with { harness in
            let migrations = try Migration.load(from: TestDatabase.migrationsDirectory())
            let runner = MigrationRunner(client: harness.store.client, logger: harness.store.logger)
            let again = try await runner.migrate(migrations)
            #expect(again.applied.isEmpty)
            #expect(again.alreadyApplied == migrations.map(\.name))
            #expect(try await runner.pending(migrations).isEmpty)

            var edited = migrations
            edited[0] = Migration(name: migrations[0].name, sql: migrations[0].sql + "\n-- an innocent-looking edit\n")
            do {
                _ = try await runner.migrate(edited)
                Issue.record("an edited applied migration was accepted")
            } catch let error as StorageError {
                #expect(error.code == .migrationChanged)
                #expect(error.message.contains(migrations[0].name))
            }
        }
    }

    @Test func scriptsSplitOnlyAtTopLevelSemicolons() async throws {
        try await IntegrationHarness.with { harness in
            let script = """
                CREATE TABLE notes (body text); -- a comment; with a semicolon
                INSERT INTO notes VALUES ('semi;colon'), ($tag$dollar; quoted$tag$);
                CREATE FUNCTION two() RETURNS int AS $$ BEGIN RETURN 2; END; $$ LANGUAGE plpgsql;
                """
            let runner = MigrationRunner(client: harness.store.client, logger: harness.store.logger)
            let existing = try Migration.load(from: TestDatabase.migrationsDirectory())
            _ = try await runner.migrate(existing + [Migration(name: "9999_test.sql", sql: script)])
            let rows = try await harness.store.client.query("SELECT count(*) FROM notes", logger: harness.store.logger)
            for try await count in rows.decode(Int64.self) { #expect(count == 2) }
        }
    }
}
