import Crypto
import Foundation

/// One entry of the platform's append-only audit log (organizer and system actions), as stored
/// in PostgreSQL and served to organizers; `AuditChainEntry.verify` checks the hash chain offline.
public struct AuditChainEntry: Sendable, Equatable, Codable {
    public var id: Int64
    /// UTC timestamp with microseconds, e.g. `2026-11-26T07:10:42.123456Z`.
    public var at: String
    public var actor: String
    public var action: String
    public var subject: String
    /// Details as a JSON object of strings.
    public var details: [String: String]
    public var previousHash: String
    public var hash: String

    public init(
        id: Int64, at: String, actor: String, action: String, subject: String, details: [String: String],
        previousHash: String, hash: String
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.action = action
        self.subject = subject
        self.details = details
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash of the first entry's predecessor.
    public static let genesis = String(repeating: "0", count: 64)

    /// SHA-256 (hex) over the previous hash and the entry's fields, separated by U+001F.
    public static func hash(
        previous: String, at: String, actor: String, action: String, subject: String,
        details: [String: String]
    ) -> String {
        let material = [previous, at, actor, action, subject, canonicalJSON(details)].joined(separator: "\u{1F}")
        return SHA256.hash(data: Data(material.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// Details as JSON with sorted keys (the form that is hashed).
    public static func canonicalJSON(_ details: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(details)) ?? Data("{}".utf8), as: UTF8.self)
    }

    /// Checks every link; returns nil when intact, else the first broken entry and why.
    public static func verify(_ entries: [AuditChainEntry]) -> (id: Int64, problem: String)? {
        var previous = genesis
        for entry in entries {
            if entry.previousHash != previous {
                return (
                    entry.id,
                    "links to \(entry.previousHash.prefix(12))… but the previous entry is \(previous.prefix(12))… (an entry was removed or reordered)"
                )
            }
            let expected = hash(
                previous: previous, at: entry.at, actor: entry.actor, action: entry.action,
                subject: entry.subject, details: entry.details)
            if expected != entry.hash {
                return (entry.id, "content does not match its hash (the entry was modified)")
            }
            previous = entry.hash
        }
        return nil
    }
}
