import Foundation
public import MarketEngine

/// The first record of a transcript: everything needed to re-create the engine and to know who
/// took part. Its SHA-256 is the first link of the hash chain.
public struct TranscriptHeader: Hashable, Sendable {
    /// Version of the engine that produced the run (`arena verify` reports a mismatch).
    public var engineVersion: String
    /// The run's id.
    public var runID: String
    /// The contest's id.
    public var contestID: String
    /// Hash of the contest's configuration document, as the contest module computes it (opaque here).
    public var contestConfigurationHash: String
    /// The run's seed (`Exchange(configuration:seed:)`).
    public var seed: UInt64
    /// The market configuration as canonical JSON (sorted keys); the verifier decodes it.
    public let configurationJSON: [UInt8]
    /// SHA-256 of `configurationJSON`.
    public let configurationHash: Hash256
    /// The teams in this heat, by slot.
    public var members: [HeatMember]
    /// Id of the attestation key the run was started under.
    public var attestationKeyID: String
    /// The runtime of each member's bot (name and lock hash). Written after the key id only when
    /// not empty, so transcripts of runs without it keep their bytes.
    public var runtimes: [MemberRuntime] = []

    /// Creates a header, embedding `configuration` as canonical JSON.
    public init(
        engineVersion: String, runID: String, contestID: String, contestConfigurationHash: String = "",
        seed: UInt64, configuration: MarketConfiguration, members: [HeatMember], attestationKeyID: String
    ) throws(TranscriptError) {
        let json = try Self.canonicalJSON(configuration)
        self.init(
            engineVersion: engineVersion, runID: runID, contestID: contestID,
            contestConfigurationHash: contestConfigurationHash, seed: seed, configurationJSON: json,
            configurationHash: Hash256.of(json), members: members, attestationKeyID: attestationKeyID)
    }

    private init(
        engineVersion: String, runID: String, contestID: String, contestConfigurationHash: String, seed: UInt64,
        configurationJSON: [UInt8], configurationHash: Hash256, members: [HeatMember], attestationKeyID: String
    ) {
        self.engineVersion = engineVersion
        self.runID = runID
        self.contestID = contestID
        self.contestConfigurationHash = contestConfigurationHash
        self.seed = seed
        self.configurationJSON = configurationJSON
        self.configurationHash = configurationHash
        self.members = members
        self.attestationKeyID = attestationKeyID
    }

    /// Decodes the embedded market configuration.
    public func configuration() throws(TranscriptError) -> MarketConfiguration {
        do {
            return try JSONDecoder().decode(MarketConfiguration.self, from: Data(configurationJSON))
        } catch {
            throw TranscriptError(.configuration, "embedded market configuration does not decode: \(error)")
        }
    }

    /// The canonical JSON of a configuration: sorted keys, no escaped slashes. Integers stay
    /// integers; a `Double`, if the configuration has any, is written in Swift's shortest
    /// round-trip form, and the verifier checks that re-encoding reproduces the stored bytes.
    public static func canonicalJSON(_ configuration: MarketConfiguration) throws(TranscriptError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        do {
            return Array(try encoder.encode(configuration))
        } catch {
            throw TranscriptError(.configuration, "market configuration does not encode: \(error)")
        }
    }

    /// The header's canonical bytes.
    public func encoded() -> [UInt8] {
        var writer = CanonicalWriter(capacity: 512 + configurationJSON.count)
        writer.write(string: engineVersion)
        writer.write(string: runID)
        writer.write(string: contestID)
        writer.write(string: contestConfigurationHash)
        writer.write(unsigned: seed)
        writer.write(blob: configurationJSON)
        writer.write(raw: configurationHash.bytes)
        writer.write(unsigned: UInt64(members.count))
        for member in members { writer.write(member) }
        writer.write(string: attestationKeyID)
        if !runtimes.isEmpty {
            writer.write(unsigned: UInt64(runtimes.count))
            for runtime in runtimes {
                writer.write(unsigned: UInt64(runtime.slot))
                writer.write(string: runtime.name)
                writer.write(string: runtime.lockSHA256)
            }
        }
        return writer.bytes
    }

    /// Decodes a header from `bytes[range]`. The stored configuration hash is kept as found; the
    /// verifier compares it with the SHA-256 of the stored JSON.
    public static func decode(_ bytes: [UInt8], range: Range<Int>) throws(TranscriptError) -> TranscriptHeader {
        var reader = CanonicalReader(bytes, range: range)
        let engineVersion = try reader.readString()
        let runID = try reader.readString()
        let contestID = try reader.readString()
        let contestConfigurationHash = try reader.readString()
        let seed = try reader.readUnsigned()
        let json = try reader.readBlob()
        let hash = Hash256(bytes: try reader.readRaw(count: 32))
        let count = try reader.readCount()
        var members: [HeatMember] = []
        for _ in 0..<count { members.append(try reader.readMember()) }
        let keyID = try reader.readString()
        var runtimes: [MemberRuntime] = []
        if !reader.isAtEnd {
            let count = try reader.readCount()
            for _ in 0..<count {
                runtimes.append(
                    MemberRuntime(
                        slot: try reader.readUnsigned(as: UInt32.self), name: try reader.readString(),
                        lockSHA256: try reader.readString()))
            }
        }
        try reader.expectEnd("header")
        var header = TranscriptHeader(
            engineVersion: engineVersion, runID: runID, contestID: contestID,
            contestConfigurationHash: contestConfigurationHash, seed: seed, configurationJSON: json,
            configurationHash: hash, members: members, attestationKeyID: keyID)
        header.runtimes = runtimes
        return header
    }
}
