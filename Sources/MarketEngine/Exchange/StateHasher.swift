/// FNV-1a 64-bit over a canonical byte stream: stable across processes and platforms
/// (unlike Swift's seeded `Hasher`).
struct StateHasher {
    private(set) var value: UInt64 = 0xcbf2_9ce4_8422_2325

    mutating func combine(_ x: UInt64) {
        var v = x
        for _ in 0..<8 {
            value ^= v & 0xff
            value &*= 0x0000_0100_0000_01b3
            v >>= 8
        }
    }

    mutating func combine(_ x: Int64) { combine(UInt64(bitPattern: x)) }
    mutating func combine(_ x: Int) { combine(UInt64(bitPattern: Int64(x))) }
    mutating func combine(_ x: Bool) { combine(x ? UInt64(1) : 0) }
    mutating func combine(_ x: Int128) {
        combine(UInt64(truncatingIfNeeded: x))
        combine(UInt64(truncatingIfNeeded: x >> 64))
    }
}
