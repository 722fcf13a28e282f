import AuditLog
import Foundation
import PostgresNIO
import Storage
import Testing

/// The organizer/system audit log: append-only in the database itself, hash-chained, verifiable.
@Suite(.serialized)
struct AuditTrailTests {
    @Test func theChainVerifiesAndTheDatabaseRefusesEdits() async throws {
        try await IntegrationHarness.with { harness in
            let store = harness.store
            try await store.appendAudit(
                actor: "organizer:alice", action: "contest.created", subject: "contest:x",
                details: ["sha256": "abc"])
            try await store.appendAudit(actor: "system", action: "run.completed", subject: "run:1")
            try await store.appendAudit(
                actor: "organizer:alice", action: "team.disqualified", subject: "team:7",
                details: ["reason": "shared accounts"])
            let chain = try await store.auditChain()
            #expect(chain.count == 3)
            #expect(AuditChainEntry.verify(chain) == nil)

            await #expect(throws: (any Error).self) {
                try await store.client.query("UPDATE audit_events SET actor = 'mallory'", logger: store.logger)
            }
            await #expect(throws: (any Error).self) {
                try await store.client.query("DELETE FROM audit_events", logger: store.logger)
            }
            #expect(try await store.auditChain() == chain, "refused edits change nothing")
        }
    }

    @Test func tamperingBehindTheTriggerIsDetected() async throws {
        try await IntegrationHarness.with { harness in
            let store = harness.store
            for index in 0..<4 {
                try await store.appendAudit(actor: "system", action: "step", subject: "s:\(index)")
            }
            // A superuser can bypass the trigger; the chain still shows it.
            try await store.client.query(
                "ALTER TABLE audit_events DISABLE TRIGGER audit_events_append_only",
                logger: store.logger)
            try await store.client.query(
                "UPDATE audit_events SET subject = 's:forged' WHERE id = 2", logger: store.logger)
            let modified = try await store.auditChain()
            #expect(AuditChainEntry.verify(modified)?.id == 2)

            try await store.client.query("DELETE FROM audit_events WHERE id = 2", logger: store.logger)
            let removed = try await store.auditChain()
            #expect(AuditChainEntry.verify(removed)?.id == 3)
        }
    }
}
