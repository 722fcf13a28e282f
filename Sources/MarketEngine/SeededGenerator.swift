/// xoshiro256** seeded through SplitMix64: the engine's only source of randomness.
///
/// Each agent and each price process owns an independent stream derived from the run seed and a
/// fixed stream number, so adding an agent does not perturb the others' draws.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator for stream `stream` of run seed `seed`.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = seed ^ (stream &* 0xD1B5_4A32_D192_ED03)
        s0 = Self.splitMix(&mixer)
        s1 = Self.splitMix(&mixer)
        s2 = Self.splitMix(&mixer)
        s3 = Self.splitMix(&mixer)
        if s0 | s1 | s2 | s3 == 0 { s0 = 1 }
    }

    @inlinable
    /// The next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// Uniform in [0, 1) with 53 bits.
    public mutating func unit() -> Double { Double(next() >> 11) * 0x1.0p-53 }

    /// `true` with probability `units / 1e8`.
    public mutating func chance(_ units: Int64) -> Bool {
        guard units > 0 else { return false }
        return Int64(next() % 100_000_000) < units
    }

    /// Uniform integer in `0...bound` (bound ≥ 0).
    public mutating func upTo(_ bound: Int64) -> Int64 {
        bound <= 0 ? 0 : Int64(next() % UInt64(bound + 1))
    }

    /// Standard normal draw (Marsaglia polar method; deterministic math only).
    public mutating func gaussian() -> Double {
        while true {
            let u = 2 * unit() - 1
            let v = 2 * unit() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                return u * DeterministicMath.sqrt(-2 * DeterministicMath.log(s) / s)
            }
        }
    }

    @usableFromInline func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }

    static func splitMix(_ state: inout UInt64) -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
