/// xoshiro256** seeded through `SplitMix64`: the simulation's source of randomness.
///
/// Each background agent and each price process owns an independent stream derived from the run
/// seed and a fixed stream number, so adding an agent does not perturb the others' draws. Integer
/// draws live here; the background market adds its floating-point draws (`unit()`,
/// `gaussian()`) in `MarketBackground`, so this module stays free of `Double`.
public struct SeededGenerator: RandomNumberGenerator, Sendable, Hashable, Codable {
    @usableFromInline var s0: UInt64
    @usableFromInline var s1: UInt64
    @usableFromInline var s2: UInt64
    @usableFromInline var s3: UInt64

    /// A generator for stream `stream` of run seed `seed`.
    public init(seed: UInt64, stream: UInt64 = 0) {
        var mixer = SplitMix64(seed: seed ^ (stream &* 0xD1B5_4A32_D192_ED03))
        s0 = mixer.next()
        s1 = mixer.next()
        s2 = mixer.next()
        s3 = mixer.next()
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

    /// `true` with probability `units / 1e8`.
    public mutating func chance(_ units: Int64) -> Bool {
        guard units > 0 else { return false }
        return Int64(next() % 100_000_000) < units
    }

    /// Uniform integer in `0...bound` (bound ≥ 0).
    public mutating func upTo(_ bound: Int64) -> Int64 {
        bound <= 0 ? 0 : Int64(next() % UInt64(bound + 1))
    }

    /// The four state words in order, for state hashes.
    public var state: (UInt64, UInt64, UInt64, UInt64) { (s0, s1, s2, s3) }

    @usableFromInline func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
