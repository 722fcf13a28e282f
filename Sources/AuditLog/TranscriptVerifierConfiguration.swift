/// Options of ``TranscriptVerifier``.
public struct TranscriptVerifierConfiguration: Sendable {
    /// Fail when no attestation is supplied (default `true`).
    public var requireAttestation: Bool
    /// Replay the engine (default `true`). `false` checks only structure, digests, chain and
    /// signature: an integrity-only mode used as a benchmark baseline.
    public var replay: Bool
    /// The local engine's version; a difference from the header is reported as a warning.
    public var localEngineVersion: String?
    /// Sample every team's equity after each tick of the replay and report its
    /// ``Scoring/EquityMetrics`` (what the board ranks by). Costs one account valuation per team
    /// per tick, as in the runner; off by default.
    public var equityCurves: Bool
    /// The trusted keys were pinned by the user (not just served by the server): a signature by
    /// any other key is reported as ``Divergence/Code/untrustedKey``.
    public var pinnedKeys: Bool

    /// Creates options.
    public init(
        requireAttestation: Bool = true, replay: Bool = true, localEngineVersion: String? = nil,
        equityCurves: Bool = false, pinnedKeys: Bool = false
    ) {
        self.requireAttestation = requireAttestation
        self.replay = replay
        self.localEngineVersion = localEngineVersion
        self.equityCurves = equityCurves
        self.pinnedKeys = pinnedKeys
    }
}
