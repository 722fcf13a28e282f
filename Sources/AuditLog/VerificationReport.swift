/// The outcome of ``TranscriptVerifier/verify(transcriptBytes:attestation:publicKeys:)``.
public struct VerificationReport: Hashable, Sendable, Codable {
    /// One named check and whether it passed (`nil`: not reached).
    public struct Check: Hashable, Sendable, Codable {
        /// Check name: `structure`, `file_digest`, `configuration`, `replay`, `chain`, `results`,
        /// `attestation`.
        public var name: String
        /// `true` passed, `false` failed, `nil` skipped.
        public var passed: Bool?
        /// Short detail.
        public var detail: String
    }

    /// Whether every check passed.
    public var verified: Bool { divergence == nil }
    /// The first failure, in check order.
    public var divergence: Divergence?
    /// The checks in order.
    public var checks: [Check] = []
    /// Notes that do not fail verification (e.g. a different local engine version).
    public var warnings: [String] = []
    /// Run id from the header, when readable.
    public var runID: String?
    /// Contest id from the header.
    public var contestID: String?
    /// Contest configuration hash from the header (the contest's `definition_sha256`).
    public var contestConfigurationHash: String?
    /// The run's seed from the header.
    public var seed: UInt64?
    /// The heat's teams from the header.
    public var members: [HeatMember] = []
    /// Engine version recorded in the header.
    public var engineVersion: String?
    /// Ticks replayed.
    public var ticks: Int = 0
    /// Events compared.
    public var events: Int = 0
    /// Commands re-applied.
    public var commands: Int = 0
    /// Recomputed chain root.
    public var root: Hash256?
    /// Key id of the verified attestation.
    public var keyID: String?
    /// Recomputed results (present once replay completed).
    public var results: RunResults?
    /// Recomputed equity metrics per team (with ``TranscriptVerifierConfiguration/equityCurves``).
    public var equity: [TeamEquity] = []
    /// The manifest of the verified attestation.
    public var manifest: RunManifest?

    /// An empty report.
    public init() {}

    enum CodingKeys: String, CodingKey {
        case verified, divergence, checks, warnings, ticks, events, commands, root, results, seed, members, equity
        case manifest
        case runID = "run_id"
        case contestID = "contest_id"
        case contestConfigurationHash = "contest_config_hash"
        case engineVersion = "engine_version"
        case keyID = "key_id"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        divergence = try container.decodeIfPresent(Divergence.self, forKey: .divergence)
        checks = try container.decode([Check].self, forKey: .checks)
        warnings = try container.decode([String].self, forKey: .warnings)
        runID = try container.decodeIfPresent(String.self, forKey: .runID)
        contestID = try container.decodeIfPresent(String.self, forKey: .contestID)
        contestConfigurationHash = try container.decodeIfPresent(String.self, forKey: .contestConfigurationHash)
        seed = try container.decodeIfPresent(String.self, forKey: .seed).flatMap { UInt64($0) }
        members = try container.decodeIfPresent([HeatMember].self, forKey: .members) ?? []
        equity = try container.decodeIfPresent([TeamEquity].self, forKey: .equity) ?? []
        manifest = try container.decodeIfPresent(RunManifest.self, forKey: .manifest)
        engineVersion = try container.decodeIfPresent(String.self, forKey: .engineVersion)
        ticks = try container.decode(Int.self, forKey: .ticks)
        events = try container.decode(Int.self, forKey: .events)
        commands = try container.decode(Int.self, forKey: .commands)
        root = try container.decodeIfPresent(Hash256.self, forKey: .root)
        keyID = try container.decodeIfPresent(String.self, forKey: .keyID)
        results = try container.decodeIfPresent(RunResults.self, forKey: .results)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(verified, forKey: .verified)
        try container.encodeIfPresent(divergence, forKey: .divergence)
        try container.encode(checks, forKey: .checks)
        try container.encode(warnings, forKey: .warnings)
        try container.encodeIfPresent(runID, forKey: .runID)
        try container.encodeIfPresent(contestID, forKey: .contestID)
        try container.encodeIfPresent(contestConfigurationHash, forKey: .contestConfigurationHash)
        try container.encodeIfPresent(seed.map { String($0) }, forKey: .seed)
        try container.encode(members, forKey: .members)
        try container.encode(equity, forKey: .equity)
        try container.encodeIfPresent(manifest, forKey: .manifest)
        try container.encodeIfPresent(engineVersion, forKey: .engineVersion)
        try container.encode(ticks, forKey: .ticks)
        try container.encode(events, forKey: .events)
        try container.encode(commands, forKey: .commands)
        try container.encodeIfPresent(root, forKey: .root)
        try container.encodeIfPresent(keyID, forKey: .keyID)
        try container.encodeIfPresent(results, forKey: .results)
    }

    /// Records a check; the first failing one becomes ``divergence``.
    public mutating func check(_ name: String, _ failure: Divergence?, detail: String) {
        checks.append(Check(name: name, passed: failure == nil, detail: failure?.message ?? detail))
        if let failure, divergence == nil { divergence = failure }
    }

    /// Records a check that was not reached.
    public mutating func skip(_ name: String, because reason: String) {
        checks.append(Check(name: name, passed: nil, detail: reason))
    }
}
