import MarketModel
import StrategyKit
import Testing

@Suite("Grid rounding")
struct GridRoundingTests {
    @Test("every grid value survives the round trip through Double exactly, in every direction")
    func roundTrip() {
        let directions: [RoundingDirection] = [.down, .up, .towardZero, .nearest]
        for spec in [InstrumentSpec.btcPerp, .ethPerp] {
            for ticks in stride(from: Int64(1), to: 20_000_000, by: 997) {
                let value = GridRounding.value(Price(ticks: ticks), spec: spec)
                for direction in directions {
                    #expect(GridRounding.price(value, spec: spec, direction: direction) == Price(ticks: ticks))
                }
            }
            for lots in stride(from: Int64(-5_000_000), to: 5_000_000, by: 7_919) {
                let coins = GridRounding.value(Quantity(lots: lots), spec: spec)
                #expect(GridRounding.quantity(coins, spec: spec) == Quantity(lots: lots))
            }
        }
    }

    @Test("decimal arithmetic that lands on the grid is exact despite binary floating point")
    func decimalArithmetic() {
        #expect(GridRounding.price(0.1 + 0.2, spec: .btcPerp, direction: .down) == Price(ticks: 3))
        #expect(GridRounding.price(3500.07, spec: .ethPerp, direction: .up) == Price(ticks: 350_007))
        #expect(GridRounding.quantity(0.015, spec: .btcPerp) == Quantity(lots: 15))
        #expect(GridRounding.quantity(1.1 - 0.9, spec: .ethPerp) == Quantity(lots: 20))
    }

    @Test("off-grid values move in the documented direction")
    func directions() {
        #expect(GridRounding.price(67_250.17, spec: .btcPerp, direction: .down) == Price(ticks: 672_501))
        #expect(GridRounding.price(67_250.11, spec: .btcPerp, direction: .up) == Price(ticks: 672_502))
        #expect(GridRounding.price(67_250.15, spec: .btcPerp, direction: .nearest) == Price(ticks: 672_502))
        #expect(GridRounding.quantity(0.0159, spec: .btcPerp) == Quantity(lots: 15))
        #expect(GridRounding.quantity(-0.0159, spec: .btcPerp) == Quantity(lots: -15))
        #expect(GridRounding.price(.nan, spec: .btcPerp, direction: .down) == nil)
        #expect(GridRounding.quantity(.infinity, spec: .btcPerp) == nil)
        #expect(GridRounding.quantity(1e300, spec: .btcPerp) == nil)
    }
}
