import AuditLog
import Storage

/// What ``ReplayBuilder`` needs about a run: where it belongs, its artifacts as stored and
/// served, and the public attestation keys.
struct ReplayInput: Sendable {
    var runId: Int64
    var contestId: String
    var round: Int
    var heat: Int
    /// A public round (its seed is public before publication).
    var seedPublic: Bool
    var published: Bool
    var transcript: [UInt8]
    var attestation: [UInt8]?
    var keys: [PublicKeyInfo]

    init(
        runId: Int64, contestId: String, round: Int, heat: Int, seedPublic: Bool, published: Bool,
        transcript: [UInt8], attestation: [UInt8]?, keys: [PublicKeyInfo]
    ) {
        self.runId = runId
        self.contestId = contestId
        self.round = round
        self.heat = heat
        self.seedPublic = seedPublic
        self.published = published
        self.transcript = transcript
        self.attestation = attestation
        self.keys = keys
    }

    init(run: RunRecord, published: Bool, transcript: [UInt8], attestation: [UInt8]?, keys: [PublicKeyInfo]) {
        self.init(
            runId: run.id, contestId: run.contestId, round: run.round, heat: run.heat, seedPublic: run.seedPublic,
            published: published, transcript: transcript, attestation: attestation, keys: keys)
    }
}
