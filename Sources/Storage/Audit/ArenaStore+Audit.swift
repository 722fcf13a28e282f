import AuditLog
import Foundation
import PostgresNIO

extension ArenaStore {
    /// One row of the audit log.
    public struct AuditEvent: Sendable, Equatable {
        public var id: Int64
        public var at: String
        public var actor: String
        public var action: String
        public var subject: String
        public var detailsJSON: String
        public var previousHash: String
        public var hash: String
    }

    /// Appends an organizer or system action to the hash-chained audit log.
    public func appendAudit(actor: String, action: String, subject: String, details: [String: String] = [:])
        async throws
    {
        try await client.withTransaction(logger: logger) { connection in
            try await Self.appendAudit(
                connection, logger: logger, actor: actor, action: action, subject: subject,
                details: details)
        }
    }

    /// Appends through the database's `audit_append` function, which takes the chain lock, reads
    /// the previous hash, stamps the time and computes the hash (`AuditChainEntry.hash`) itself:
    /// neither the API nor the runner role may insert into `audit_events` directly.
    static func appendAudit(
        _ connection: PostgresConnection, logger: Logger, actor: String, action: String,
        subject: String, details: [String: String]
    ) async throws {
        let detailsJSON = AuditChainEntry.canonicalJSON(details)
        _ = try await connection.query(
            "SELECT audit_append(\(actor), \(action), \(subject), \(detailsJSON))", logger: logger)
    }

    /// Every audit event in order (the chain is verified by `AuditChain.verify`).
    public func auditEvents() async throws -> [AuditEvent] {
        let rows = try await client.query(
            """
            SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), actor, action, subject,
                   details::text, prev_hash, hash
            FROM audit_events ORDER BY id
            """, logger: logger)
        var result: [AuditEvent] = []
        for try await (id, at, actor, action, subject, details, previous, hash) in rows.decode(
            (Int64, String, String, String, String, String, String, String).self)
        {
            result.append(
                AuditEvent(
                    id: id, at: at, actor: actor, action: action, subject: subject,
                    detailsJSON: details, previousHash: previous, hash: hash))
        }
        return result
    }
}
