import MarketModel
import Testing

@Suite("Fixed point and 128-bit arithmetic")
struct WideMathTests {
    @Test func divisionRoundsAsDocumented() {
        #expect(WideMath.divide(7, 2, .down) == 3)
        #expect(WideMath.divide(-7, 2, .down) == -4)
        #expect(WideMath.divide(7, 2, .up) == 4)
        #expect(WideMath.divide(-7, 2, .up) == -3)
        #expect(WideMath.divide(-7, 2, .towardZero) == -3)
        #expect(WideMath.divide(7, 2, .nearest) == 4)
        #expect(WideMath.divide(-7, 2, .nearest) == -4)
        #expect(WideMath.divide(7, -2, .down) == -4)
        #expect(WideMath.divide(6, 3, .up) == 2)
    }

    @Test func productsDoNotOverflowIntermediates() {
        // 9e18 × 1e8 / 1e8 would overflow Int64 in the middle.
        #expect(
            WideMath.mulDiv(9_000_000_000_000_000_000, 100_000_000, 100_000_000, .down) == 9_000_000_000_000_000_000)
        #expect(WideMath.mulDiv(Int64.max, 2, 1, .down) == Int64.max)
    }

    /// A fee of 0.045 % on 0.001 BTC at 50,000.1 is 0.0225000450 USDT: rounds up to 0.02250005.
    @Test func feesRoundUp() {
        let notional = InstrumentSpec.btcPerp.notional(price: Price(ticks: 500_001), quantity: Quantity(lots: 1))
        #expect(notional == Money(decimal: "50.0001"))
        let fee = WideMath.apply(Rate(units: 45_000), to: notional, .up)
        #expect(fee == Money(decimal: "0.02250005"))
    }

    @Test func offGridDecimalsAreRejected() {
        let spec = InstrumentSpec.btcPerp
        #expect(spec.price(decimal: "50000.1") == Price(ticks: 500_001))
        #expect(spec.price(decimal: "50000.05") == nil)
        #expect(spec.quantity(decimal: "0.0015") == nil)
        #expect(spec.quantity(decimal: "0.015") == Quantity(lots: 15))
        #expect(Money(decimal: "0.000000001") == nil)
        #expect(Money(decimal: "1.230000000") == Money(units: 123_000_000))
        #expect(Money(decimal: "abc") == nil)
        #expect(Rate(decimal: "0.0001") == Rate(units: 10_000))
    }

    @Test func defaultsAreValid() {
        #expect(InstrumentSpec.btcPerp.validationProblem() == nil)
        #expect(InstrumentSpec.ethPerp.validationProblem() == nil)
        #expect(InstrumentSpec.btcPerp.tickLotValue == 10_000)
        #expect(InstrumentSpec.ethPerp.tickLotValue == 10_000)
    }

    /// cum_n = floor_n × (MMR_n − MMR_{n−1}) + cum_{n−1} (reference §4.2) holds for the defaults.
    @Test func maintenanceAmountsFollowTheRecurrence() {
        let tiers = InstrumentSpec.btcPerp.marginTiers
        var cum: Int64 = 0
        for index in tiers.indices.dropFirst() {
            let floor = tiers[index - 1].notionalCap.units
            let step = tiers[index].maintenanceRate.units - tiers[index - 1].maintenanceRate.units
            cum += WideMath.mulDiv(floor, step, Rate.one.units, .down)
            #expect(tiers[index].maintenanceAmount.units == cum)
        }
    }
}
