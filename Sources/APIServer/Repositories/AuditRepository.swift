public import Storage

/// The hash-chained audit log.
public protocol AuditRepository: Sendable {
    /// Appends an action to the log.
    func appendAudit(actor: String, action: String, subject: String, details: [String: String]) async throws
    /// Every event in order.
    func auditEvents() async throws -> [ArenaStore.AuditEvent]
}
