/// A tiny seeded generator (SplitMix64) for synthetic market data; same seed, same sequence.
struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A whole number in `-magnitude...magnitude`.
    mutating func symmetric(_ magnitude: Int64) -> Int64 {
        guard magnitude > 0 else { return 0 }
        return Int64(next() % UInt64(2 * magnitude + 1)) - magnitude
    }
}
