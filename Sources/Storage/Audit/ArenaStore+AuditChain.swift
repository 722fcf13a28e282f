public import AuditLog
import Foundation

extension ArenaStore {
    /// The audit log as chain entries, ready for `AuditChainEntry.verify`.
    public func auditChain() async throws -> [AuditChainEntry] {
        try await auditEvents().map { event in
            let details = (try? JSONDecoder().decode([String: String].self, from: Data(event.detailsJSON.utf8))) ?? [:]
            return AuditChainEntry(
                id: event.id, at: event.at, actor: event.actor, action: event.action,
                subject: event.subject, details: details, previousHash: event.previousHash,
                hash: event.hash)
        }
    }
}
