import AuditLog
import Foundation
import PostgresNIO
import Storage
import Testing

/// The database roles match the trust model: the API cannot write results, boards, keys or the
/// audit log (except through `audit_append`), cannot read seed material; runners write results
/// only through the lease-checked `arena_finish_run`; append-only tables refuse every role.
@Suite(.serialized)
struct DatabaseRoleTests {
    /// SQLSTATE 42501: insufficient_privilege ("permission denied").
    static let denied = "42501"

    @Test func theAPIRoleCannotWriteResultsBoardsKeysOrTheLog() async throws {
        try await RoleFixture.with { fixture in
            let api = fixture.apiStore
            let statements = [
                "UPDATE run_results SET pnl = pnl + 1",
                "INSERT INTO run_results (run_id, team_id, submission_id, final_equity, pnl, fees, funding, trades, liquidations, max_drawdown, rank_in_run) VALUES (1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1)",
                "DELETE FROM run_results",
                "UPDATE runs SET transcript_root = 'forged'",
                "UPDATE runs SET attestation = '{}'",
                "UPDATE runs SET transcript = '\\x00'",
                "SELECT transcript FROM runs",
                "SELECT attestation FROM runs",
                "INSERT INTO leaderboard_rows (contest_id, team_id, evaluation_id, rank, status, row) VALUES ('x', 1, 1, 1, 'scored', '{}')",
                "DELETE FROM leaderboard_rows",
                "INSERT INTO board_versions (contest_id, version, evaluation_id, body, sha256, key_id, leaderboard) VALUES ('x', 1, 1, '{}', 'x', 'k', '[]')",
                "INSERT INTO attestation_keys (key_id, public_key, active) VALUES ('k', '\\x00', true)",
                "UPDATE attestation_keys SET active = false",
                "INSERT INTO audit_events (at, actor, action, subject, prev_hash, hash) VALUES (now(), 'a', 'b', 'c', 'd', 'e')",
                "SELECT material FROM evaluation_seed_material",
                "UPDATE contests SET published_at = now()",
                "UPDATE contests SET frozen_board = '{}'",
                "INSERT INTO evaluations (contest_id, status) VALUES ('x', 'running')",
                "SELECT arena_finish_run(1, 'x', 1, 'v', 'c', '\\x00', 'r', '{}', '[]')",
            ]
            for statement in statements {
                let failure = await RoleFixture.failure(api, statement)
                #expect(failure == Self.denied, "as arena_api: \(statement) → \(failure ?? "succeeded")")
            }
            // The API may lock a team's row to serialise its selections (UPDATE on some column).
            #expect(try await api.selectSubmission(id: 1, teamId: 1) == .notFound)
            // Appending through the function works and keeps the chain intact.
            try await api.appendAudit(actor: "team:1", action: "team.registered", subject: "contest:x")
            let chain = try await fixture.owner.auditChain()
            #expect(chain.last?.action == "team.registered")
            #expect(AuditChainEntry.verify(chain) == nil)
        }
    }

    @Test func runnersWriteResultsOnlyThroughTheLeaseCheck() async throws {
        try await RoleFixture.with { fixture in
            let runner = fixture.runnerStore
            for statement in [
                "UPDATE run_results SET pnl = pnl + 1",
                "DELETE FROM run_results",
                "INSERT INTO run_results (run_id, team_id, submission_id, final_equity, pnl, fees, funding, trades, liquidations, max_drawdown, rank_in_run) VALUES (1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 1)",
                "UPDATE runs SET transcript_root = 'forged'",
                "UPDATE contests SET published_at = now()",
                "INSERT INTO teams (contest_id, name) VALUES ('x', 'y')",
                "INSERT INTO audit_events (at, actor, action, subject, prev_hash, hash) VALUES (now(), 'a', 'b', 'c', 'd', 'e')",
                "DELETE FROM attestation_keys",
                "SELECT secret FROM contest_secrets",
            ] {
                let failure = await RoleFixture.failure(runner, statement)
                #expect(failure == Self.denied, "as arena_runner: \(statement) → \(failure ?? "succeeded")")
            }
            // The lease-checked path refuses a job this runner does not hold, writing nothing.
            let outcome = try await RoleFixture.sql(
                runner, "SELECT arena_finish_run(1, 'nobody', 1, 'v', 'c', '\\x00', 'r', '{}', '[]')")
            #expect(outcome == ["lease_lost"])
        }
    }

    @Test func keysAreAppendOnlyAndAudited() async throws {
        try await RoleFixture.with { fixture in
            let runner = fixture.runnerStore
            let key = Data(repeating: 7, count: 32)
            try await runner.registerPublicKey(keyId: "k1", publicKey: key, active: true)
            try await runner.registerPublicKey(keyId: "k1", publicKey: key, active: false)
            let events = try await fixture.owner.auditEvents()
            #expect(events.map(\.action) == ["key.registered", "key.deactivated"])
            #expect(events.first?.detailsJSON.contains(key.base64EncodedString()) == true)
            #expect(AuditChainEntry.verify(try await fixture.owner.auditChain()) == nil)
            // Nobody, not even the owner, changes a key's bytes or deletes a key.
            #expect(
                await RoleFixture.failure(fixture.owner, "UPDATE attestation_keys SET public_key = '\\x01'") == "PA403")
            #expect(await RoleFixture.failure(fixture.owner, "DELETE FROM attestation_keys") == "PA403")
        }
    }

    /// Every table has an explicit decision for both roles: a table added by a later migration
    /// must appear here (and revoke in its migration whatever a role must not do).
    @Test func everyTableHasAGrantDecision() async throws {
        try await RoleFixture.with { fixture in
            // table → (API may write, runner may write); both roles may read unless listed in `unreadable`.
            let expected: [String: (api: Bool, runner: Bool)] = [
                "organizers": (false, false), "organizer_tokens": (false, false), "contests": (true, false),
                "contest_secrets": (true, false), "contest_phases": (false, false), "teams": (true, false),
                "team_tokens": (true, false), "submissions": (true, true), "evaluations": (true, true),
                "evaluation_seed_material": (false, true), "runs": (true, true), "run_entries": (false, true),
                "jobs": (true, true), "run_results": (false, false), "leaderboard_rows": (false, true),
                "audit_events": (false, false), "attestation_keys": (false, true), "board_versions": (false, true),
                "schema_migrations": (false, false),
                // 0006 (abuse controls): the API takes reservations, registers teams, issues invites.
                "submission_reservations": (true, false), "team_registrations": (true, false),
                "team_members": (true, false), "contest_invites": (true, false),
                // 0009 (integrity reports): runners insert, the API reads; append-only for everyone.
                "integrity_reports": (false, true),
            ]
            let unreadable: [String: Set<String>] = [
                "arena_api": ["evaluation_seed_material"],
                "arena_runner": [
                    "organizers", "organizer_tokens", "team_tokens", "contest_secrets", "submission_reservations",
                    "team_members", "contest_invites",
                ],
            ]
            let tables = try await RoleFixture.sql(
                fixture.owner, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
            let unknown = tables.filter { expected[$0] == nil }
            #expect(
                unknown.isEmpty,
                "tables without a grant decision: \(unknown) — decide their grants for arena_api and arena_runner in their migration and list them here"
            )
            for table in tables {
                guard let writes = expected[table] else { continue }
                for (role, mayWrite) in [("arena_api", writes.api), ("arena_runner", writes.runner)] {
                    let read = try await RoleFixture.sql(
                        fixture.owner,
                        "SELECT has_any_column_privilege('\(role)', 'public.\(table)', 'SELECT')::text")
                    #expect(
                        read == [unreadable[role]?.contains(table) == true ? "false" : "true"],
                        "\(role) SELECT \(table)")
                    let write = try await RoleFixture.sql(
                        fixture.owner,
                        """
                        SELECT (has_any_column_privilege('\(role)', 'public.\(table)', 'INSERT')
                            OR has_any_column_privilege('\(role)', 'public.\(table)', 'UPDATE')
                            OR has_table_privilege('\(role)', 'public.\(table)', 'DELETE'))::text
                        """)
                    #expect(write == [mayWrite ? "true" : "false"], "\(role) writes \(table)")
                }
            }
        }
    }
}
