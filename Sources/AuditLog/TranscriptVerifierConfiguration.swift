/// Options of ``TranscriptVerifier``.
public struct TranscriptVerifierConfiguration: Sendable {
    /// Fail when no attestation is supplied (default `true`).
    public var requireAttestation: Bool
    /// Replay the engine (default `true`). `false` checks only structure, digests, chain and
    /// signature: an integrity-only mode used as a benchmark baseline.
    public var replay: Bool
    /// The local engine's version; a difference from the header is reported as a warning.
    public var localEngineVersion: String?
    /// Scoring rule used to recompute ranks.
    public var rank: ResultsCalculator.Ranking

    /// Creates options.
    public init(
        requireAttestation: Bool = true, replay: Bool = true, localEngineVersion: String? = nil,
        rank: @escaping ResultsCalculator.Ranking = AuditScoring.rank
    ) {
        self.requireAttestation = requireAttestation
        self.replay = replay
        self.localEngineVersion = localEngineVersion
        self.rank = rank
    }
}
