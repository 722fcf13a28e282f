import AuditLog
import Storage

/// What ``ReplayBuilder`` needs about a run: its record, its artifacts as stored and served,
/// and the public attestation keys.
struct ReplayInput: Sendable {
    var run: RunRecord
    var published: Bool
    var transcript: [UInt8]
    var attestation: [UInt8]?
    var keys: [PublicKeyInfo]
}
