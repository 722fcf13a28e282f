/// What an attestation signs about a run. Its signed form is ``canonicalJSON()``: keys sorted,
/// no whitespace, integers only (the 64-bit seed as a decimal string so that JSON readers with
/// 53-bit numbers keep it exact).
public struct RunManifest: Hashable, Sendable, Codable {
    /// Version of the manifest layout.
    public var version: Int = 1
    /// The run's id.
    public var runID: String
    /// The contest's id.
    public var contestID: String
    /// SHA-256 of the embedded market configuration.
    public var configurationHash: Hash256
    /// The run's seed.
    public var seed: UInt64
    /// Version of the engine that produced the run.
    public var engineVersion: String
    /// Root of the transcript's hash chain.
    public var transcriptRoot: Hash256
    /// SHA-256 of the canonical results (``RunResults/digest``).
    public var resultsDigest: Hash256
    /// Tick records in the transcript.
    public var tickCount: Int64
    /// SHA-256 of the transcript file (without its own trailing digest): pins every stored byte.
    public var transcriptSHA256: Hash256

    /// Creates a manifest.
    public init(
        runID: String, contestID: String, configurationHash: Hash256, seed: UInt64, engineVersion: String,
        transcriptRoot: Hash256, resultsDigest: Hash256, tickCount: Int64, transcriptSHA256: Hash256
    ) {
        self.runID = runID
        self.contestID = contestID
        self.configurationHash = configurationHash
        self.seed = seed
        self.engineVersion = engineVersion
        self.transcriptRoot = transcriptRoot
        self.resultsDigest = resultsDigest
        self.tickCount = tickCount
        self.transcriptSHA256 = transcriptSHA256
    }

    enum CodingKeys: String, CodingKey {
        case version, seed
        case runID = "run_id"
        case contestID = "contest_id"
        case configurationHash = "config_hash"
        case engineVersion = "engine_version"
        case transcriptRoot = "transcript_root"
        case resultsDigest = "results_digest"
        case tickCount = "tick_count"
        case transcriptSHA256 = "transcript_sha256"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        version = try container.decode(Int.self, forKey: .version)
        runID = try container.decode(String.self, forKey: .runID)
        contestID = try container.decode(String.self, forKey: .contestID)
        configurationHash = try container.decode(Hash256.self, forKey: .configurationHash)
        let seedText = try container.decode(String.self, forKey: .seed)
        guard let seed = UInt64(seedText) else {
            throw DecodingError.dataCorruptedError(
                forKey: .seed, in: container, debugDescription: "seed is not a UInt64")
        }
        self.seed = seed
        engineVersion = try container.decode(String.self, forKey: .engineVersion)
        transcriptRoot = try container.decode(Hash256.self, forKey: .transcriptRoot)
        resultsDigest = try container.decode(Hash256.self, forKey: .resultsDigest)
        tickCount = try container.decode(Int64.self, forKey: .tickCount)
        transcriptSHA256 = try container.decode(Hash256.self, forKey: .transcriptSHA256)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(version, forKey: .version)
        try container.encode(runID, forKey: .runID)
        try container.encode(contestID, forKey: .contestID)
        try container.encode(configurationHash, forKey: .configurationHash)
        try container.encode(String(seed), forKey: .seed)
        try container.encode(engineVersion, forKey: .engineVersion)
        try container.encode(transcriptRoot, forKey: .transcriptRoot)
        try container.encode(resultsDigest, forKey: .resultsDigest)
        try container.encode(tickCount, forKey: .tickCount)
        try container.encode(transcriptSHA256, forKey: .transcriptSHA256)
    }

    /// The exact bytes that are signed: canonical JSON, keys in byte order, built by hand so that
    /// no encoder setting can change it.
    public func canonicalJSON() -> [UInt8] {
        let fields: [(String, String)] = [
            ("config_hash", Self.quoted(configurationHash.hex)),
            ("contest_id", Self.quoted(contestID)),
            ("engine_version", Self.quoted(engineVersion)),
            ("results_digest", Self.quoted(resultsDigest.hex)),
            ("run_id", Self.quoted(runID)),
            ("seed", Self.quoted(String(seed))),
            ("tick_count", String(tickCount)),
            ("transcript_root", Self.quoted(transcriptRoot.hex)),
            ("transcript_sha256", Self.quoted(transcriptSHA256.hex)),
            ("version", String(version)),
        ]
        let body = fields.map { "\(Self.quoted($0.0)):\($0.1)" }.joined(separator: ",")
        return Array("{\(body)}".utf8)
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
