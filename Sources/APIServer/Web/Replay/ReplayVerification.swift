/// What the server checked about the transcript, with the canonical code (`AuditLog`): the
/// structure, file digest, hash chain and Ed25519 attestation (``TranscriptVerifier`` without its
/// replay), plus the viewer's own engine replay compared event by event with the transcript.
struct ReplayVerification: Codable, Sendable {
    /// Every check passed.
    var verified: Bool
    var checks: [Check]
    /// The hash-chain root recomputed from the records.
    var transcriptRoot: String
    /// The attestation's signing key id (its fingerprint), when one was checked.
    var keyId: String?
    /// The attestation exactly as served (nil in a team's view before publication).
    var attestation: String?
    /// The hash chain recomputes to the recorded root.
    var chainValid: Bool?
    /// The attestation's signature verifies with a published key and signs this transcript.
    var signatureValid: Bool?
    /// `arena verify <run>`: replays everything again on your machine.
    var command: String

    struct Check: Codable, Sendable {
        var name: String
        var passed: Bool?
        var detail: String
    }
}
