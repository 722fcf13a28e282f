import MarketModel
import Testing

@Suite("FixedPoint.format")
struct FixedPointFormatTests {
    /// The formatter before the byte-level one (String arithmetic), kept as the reference: every
    /// observation, transcript and report prints its decimals through `format`, so the output
    /// must not change by one byte.
    static func reference(_ units: Int64, scale: Int) -> String {
        let negative = units < 0
        let magnitude = units.magnitude
        var divisor: UInt64 = 1
        for _ in 0..<scale { divisor *= 10 }
        let whole = magnitude / divisor
        var fraction = String(magnitude % divisor)
        if scale > 0 {
            fraction = String(repeating: "0", count: scale - fraction.count) + fraction
            while fraction.last == "0" { fraction.removeLast() }
        } else {
            fraction = ""
        }
        let body = fraction.isEmpty ? "\(whole)" : "\(whole).\(fraction)"
        return negative ? "-" + body : body
    }

    @Test func examples() {
        #expect(FixedPoint.format(12_345, scale: 3) == "12.345")
        #expect(FixedPoint.format(-500, scale: 3) == "-0.5")
        #expect(FixedPoint.format(7_000, scale: 3) == "7")
        #expect(FixedPoint.format(0, scale: 8) == "0")
        #expect(FixedPoint.format(1, scale: 8) == "0.00000001")
        #expect(FixedPoint.format(-670_000_000_000, scale: 8) == "-6700")
        #expect(FixedPoint.format(Int64.min, scale: 8) == "-92233720368.54775808")
        #expect(FixedPoint.format(Int64.max, scale: 0) == "9223372036854775807")
    }

    @Test func sameTextAsTheReferenceOnEdgesAndAPseudoRandomSpread() {
        var values: [Int64] = [0, 1, -1, 9, 10, -10, 100, Int64.max, Int64.min, Int64.min + 1]
        var power: Int64 = 1
        for _ in 0..<18 {
            power *= 10
            values += [power, -power, power - 1, power + 1, -(power - 1)]
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<20_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let shift = state >> 58  // magnitudes from a few units to the whole range
            values.append(Int64(bitPattern: state) >> shift)
        }
        var mismatches: [String] = []
        for scale in [0, 1, 2, 3, 4, 6, 8, 12, 18, 19] {
            for value in values where FixedPoint.format(value, scale: scale) != Self.reference(value, scale: scale) {
                mismatches.append("\(value) scale \(scale)")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(5))")
    }
}
