/// The first thing that did not check out, with where it happened.
///
/// `expected` is what the replay (or the transcript's own data) says; `found` is what the file or
/// attestation holds. `tick` and `eventIndex` (0-based within the tick's events) are set for
/// event divergences.
public struct Divergence: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Stable failure codes.
    public enum Code: String, Sendable, Hashable, Codable {
        /// The file cannot be parsed (bad magic, truncated, malformed frame, bad compression).
        case malformedTranscript = "malformed_transcript"
        /// The file's trailing SHA-256 does not match its bytes.
        case fileDigestMismatch = "file_digest_mismatch"
        /// The embedded configuration does not hash to the recorded hash, or does not decode.
        case configurationMismatch = "configuration_mismatch"
        /// A record's tick number is not the engine's current tick (dropped or reordered record).
        case tickMismatch = "tick_mismatch"
        /// The engine produced a different event than the one recorded.
        case eventMismatch = "event_mismatch"
        /// The engine produced an event the transcript lacks.
        case missingEvent = "missing_event"
        /// The transcript records an event the engine did not produce.
        case unexpectedEvent = "unexpected_event"
        /// The recomputed hash chain root differs from the recorded root.
        case chainRootMismatch = "chain_root_mismatch"
        /// Recomputed results (balances, metrics, score, rank) differ from the recorded results.
        case resultsMismatch = "results_mismatch"
        /// No attestation was supplied although one is required.
        case missingAttestation = "missing_attestation"
        /// A manifest field does not match the transcript.
        case manifestMismatch = "manifest_mismatch"
        /// The attestation's key id is not among the trusted public keys.
        case unknownKey = "unknown_key"
        /// The Ed25519 signature does not verify.
        case signatureInvalid = "signature_invalid"
        /// The attestation's bytes are not its canonical signed form (an added field, reordered
        /// keys, whitespace, duplicate keys).
        case attestationNotCanonical = "attestation_not_canonical"
        /// The signing key is not in the set the user pinned (`--key`, `--fingerprint`, `--keys`).
        case untrustedKey = "untrusted_key"
        /// The transcript is another run than the one asked for.
        case runMismatch = "run_mismatch"
        /// The transcript belongs to another contest than the one asked for.
        case contestMismatch = "contest_mismatch"
        /// The transcript's contest configuration hash is not the published contest's.
        case definitionMismatch = "definition_mismatch"
        /// The transcript's seed is not the board's, or not the one derived from the revealed material.
        case seedMismatch = "seed_mismatch"
        /// The revealed seed material does not match its commitment, or the commitment changed.
        case commitmentMismatch = "commitment_mismatch"
        /// The transcript root or results digest is not the one on the board.
        case rootMismatch = "root_mismatch"
        /// The board names a team or submission the transcript does not have.
        case memberMismatch = "member_mismatch"
        /// A number on the board differs from the one recomputed from the replay.
        case metricMismatch = "metric_mismatch"
        /// The board's ranks do not follow from the verified results.
        case rankMismatch = "rank_mismatch"
        /// The integrity report recomputed from the transcripts is not the one the server publishes.
        case integrityMismatch = "integrity_mismatch"
        /// The self-trade-prevention links in a transcript are not the ones the definition names.
        case linkMismatch = "link_mismatch"
        /// The board snapshot is malformed, not canonical, unsigned by a trusted key, or inconsistent.
        case boardInvalid = "board_invalid"
        /// A recorded decision does not match its digest, or names orders its bot did not send in that tick.
        case decisionMismatch = "decision_mismatch"
    }

    /// What failed.
    public var code: Code
    /// Tick of an event divergence.
    public var tick: Int64?
    /// Index of the event within the tick.
    public var eventIndex: Int?
    /// What the check expected.
    public var expected: String
    /// What was found.
    public var found: String
    /// A sentence for humans.
    public var message: String

    enum CodingKeys: String, CodingKey {
        case code, tick, expected, found, message
        case eventIndex = "event_index"
    }

    /// Creates a divergence.
    public init(
        _ code: Code, tick: Int64? = nil, eventIndex: Int? = nil, expected: String = "", found: String = "",
        message: String
    ) {
        self.code = code
        self.tick = tick
        self.eventIndex = eventIndex
        self.expected = expected
        self.found = found
        self.message = message
    }

    public var description: String {
        var text = "\(code.rawValue): \(message)"
        if let tick { text += " [tick \(tick)" + (eventIndex.map { ", event \($0)" } ?? "") + "]" }
        if !expected.isEmpty || !found.isEmpty { text += "\n  expected: \(expected)\n  found:    \(found)" }
        return text
    }
}
