import AuditLog
import Testing

@Suite("ArenaLZ compression")
struct ArenaLZTests {
    static func sample(_ count: Int, seed: UInt64) -> [UInt8] {
        var state = seed
        return (0..<count).map { index in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return index % 7 == 0 ? UInt8(truncatingIfNeeded: state >> 59) : UInt8(index % 13)
        }
    }

    @Test("compressed data expands back to the original", arguments: [0, 1, 4, 15, 16, 300, 70_000])
    func roundTrip(count: Int) throws {
        let input = Self.sample(count, seed: UInt64(count))
        let packed = ArenaLZ.compress(input)
        #expect(try ArenaLZ.decompress(packed, range: packed.indices, expectedCount: input.count) == input)
    }

    @Test("repetitive data gets smaller, and compression is deterministic")
    func shrinks() {
        let input = Self.sample(100_000, seed: 1)
        let packed = ArenaLZ.compress(input)
        #expect(packed.count < input.count / 2)
        #expect(ArenaLZ.compress(input) == packed)
    }

    @Test("corrupt input is refused without crashing")
    func corrupt() {
        let input = Self.sample(5_000, seed: 2)
        let packed = ArenaLZ.compress(input)
        for index in stride(from: 0, to: packed.count, by: 37) {
            var bad = packed
            bad[index] ^= 0xFF
            if let out = try? ArenaLZ.decompress(bad, range: bad.indices, expectedCount: input.count) {
                #expect(out.count == input.count)
            }
        }
        #expect(throws: TranscriptError.self) {
            try ArenaLZ.decompress(packed, range: 0..<packed.count - 1, expectedCount: input.count)
        }
    }
}
