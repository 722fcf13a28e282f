import Testing

@testable import Integrity

@Suite("Fixed-point math")
struct FixedMathTests {
    @Test("ratios are parts per million, rounded toward zero")
    func ppm() {
        #expect(FixedMath.ppm(Int64(1), Int64(3)) == 333_333)
        #expect(FixedMath.ppm(Int64(-1), Int64(3)) == -333_333)
        #expect(FixedMath.ppm(Int64(5), Int64(0)) == 0)
        #expect(FixedMath.ppm(Int128(Int64.max) * 4, Int128(Int64.max)) == 4_000_000)
    }

    @Test("cosine of equal, opposite and orthogonal series, and with huge norms")
    func cosine() {
        #expect(FixedMath.cosinePPM(dot: 25, normA: 25, normB: 25) == 1_000_000)
        #expect(FixedMath.cosinePPM(dot: -25, normA: 25, normB: 25) == -1_000_000)
        #expect(FixedMath.cosinePPM(dot: 0, normA: 25, normB: 25) == 0)
        #expect(FixedMath.cosinePPM(dot: 3, normA: 0, normB: 25) == 0)
        let big = Int128(1) << 100
        #expect(FixedMath.cosinePPM(dot: big / 2, normA: big, normB: big) == 500_000)
    }

    @Test("amounts have exactly eight decimals")
    func usdt() {
        #expect(FixedText.usdt(Int64(0)) == "0.00000000")
        #expect(FixedText.usdt(Int64(-1_250_000_000)) == "-12.50000000")
        #expect(FixedText.usdt(Int64(7)) == "0.00000007")
    }

    @Test("the median is the lower middle value")
    func median() {
        #expect(FixedMath.median([]) == 0)
        #expect(FixedMath.median([5, 1, 3]) == 3)
        #expect(FixedMath.median([4, 1, 3, 2]) == 2)
    }
}
