import APIModels
import Storage

extension AuditEventView {
    /// A stored audit event.
    init(event: ArenaStore.AuditEvent) {
        self.init(
            id: event.id, at: event.at, actor: event.actor, action: event.action, subject: event.subject,
            details: event.detailsJSON, previousHash: event.previousHash, hash: event.hash)
    }
}
