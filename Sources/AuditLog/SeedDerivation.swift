/// How heat seeds and heat-placement salts derive from an evaluation's seed material (private
/// rounds) or a public round's seed, by hashing, never by addition (docs/AUDIT.md, "Seed commitment").
public enum SeedDerivation {
    /// Domain prefix of heat seeds.
    public static let heatContext: [UInt8] = Array("perparena-heat-seed-v1\n".utf8)
    /// Domain prefix of placement salts.
    public static let saltContext: [UInt8] = Array("perparena-heat-salt-v1\n".utf8)

    /// Where a round's seeds come from.
    public enum Source: Sendable, Hashable {
        /// A public round's seed, from the public contest definition.
        case publicSeed(UInt64)
        /// The evaluation's secret 32-byte material (private rounds).
        case material([UInt8])
    }

    /// The seed of heat `heat` of round `round`: the first 8 bytes (big-endian) of
    /// `SHA-256(heatContext || source || round (u32 BE) || heat (u32 BE))`, with source
    /// `0x00 || seed (u64 BE)` for a public round and `0x01 || material` for a private one.
    public static func heatSeed(_ source: Source, round: Int, heat: Int) -> UInt64 {
        var message = heatContext
        switch source {
        case .publicSeed(let seed):
            message.append(0)
            message += bigEndian(seed, bytes: 8)
        case .material(let material):
            message.append(1)
            message += material
        }
        message += bigEndian(UInt64(UInt32(truncatingIfNeeded: round)), bytes: 4)
        message += bigEndian(UInt64(UInt32(truncatingIfNeeded: heat)), bytes: 4)
        return firstWord(Hash256.of(message))
    }

    /// The secret salt of round `round`'s heat placement: the first 8 bytes (big-endian) of
    /// `SHA-256(saltContext || material || round (u32 BE))`.
    public static func placementSalt(material: [UInt8], round: Int) -> UInt64 {
        firstWord(Hash256.of(saltContext + material + bigEndian(UInt64(UInt32(truncatingIfNeeded: round)), bytes: 4)))
    }

    /// The commitment to `material`: its SHA-256.
    public static func commitment(material: [UInt8]) -> Hash256 { Hash256.of(material) }

    private static func bigEndian(_ value: UInt64, bytes count: Int) -> [UInt8] {
        (0..<count).reversed().map { UInt8(truncatingIfNeeded: value >> (8 * UInt64($0))) }
    }

    private static func firstWord(_ hash: Hash256) -> UInt64 {
        hash.bytes.prefix(8).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    }
}
