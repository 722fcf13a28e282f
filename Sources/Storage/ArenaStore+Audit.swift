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

    static func appendAudit(
        _ connection: PostgresConnection, logger: Logger, actor: String, action: String,
        subject: String, details: [String: String]
    ) async throws {
        _ = try await connection.query("SELECT pg_advisory_xact_lock(727274003)", logger: logger)
        let previous = try await connection.query(
            "SELECT hash FROM audit_events ORDER BY id DESC LIMIT 1", logger: logger)
        var previousHash = AuditChainEntry.genesis
        for try await hash in previous.decode(String.self) { previousHash = hash }
        let at = Self.timestamp(Date())
        let detailsJSON = AuditChainEntry.canonicalJSON(details)
        let hash = AuditChainEntry.hash(
            previous: previousHash, at: at, actor: actor, action: action, subject: subject,
            details: details)
        try await connection.query(
            """
            INSERT INTO audit_events (at, actor, action, subject, details, prev_hash, hash)
            VALUES (\(at)::timestamptz, \(actor), \(action), \(subject), \(detailsJSON)::jsonb, \(previousHash), \(hash))
            """, logger: logger)
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

    /// Microsecond UTC timestamp, the precision PostgreSQL stores.
    static func timestamp(_ date: Date) -> String {
        let micros = Int64((date.timeIntervalSince1970 * 1_000_000).rounded(.down))
        let seconds = micros / 1_000_000
        let fraction = micros % 1_000_000
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        let base = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        return base.replacingOccurrences(of: "Z", with: String(format: ".%06dZ", fraction))
    }
}
