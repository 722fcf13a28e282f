/// SplitMix64 (Steele, Lea & Flood): the platform's one small seeded generator.
///
/// Used for reproducible heat shuffles (`Scoring`), the seeded order in which bots' actions are
/// applied (`HeatRunner`), seeding `SeededGenerator`, and test-support market data. Same seed,
/// same sequence, on every platform: only wrapping integer arithmetic.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    @usableFromInline var state: UInt64

    /// A generator whose first output is the SplitMix64 mix of `seed + 0x9E3779B97F4A7C15`.
    @inlinable public init(seed: UInt64) { self.state = seed }

    /// The next 64 pseudo-random bits.
    @inlinable public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Uniform integer in `0..<bound` without modulo bias (rejection sampling).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0)
        let limit = UInt64.max - UInt64.max % UInt64(bound)
        while true {
            let value = next()
            if value < limit { return Int(value % UInt64(bound)) }
        }
    }
}
