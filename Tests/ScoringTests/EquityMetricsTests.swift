import MarketModel
import Scoring
import Testing

@Suite struct EquityMetricsTests {
    @Test func drawdownPnLAndReturnFromACurve() {
        let curve = [100, 120, 90, 130, 110].map { Money.usdt($0) }
        let metrics = EquityMetrics(curve: curve)
        #expect(metrics.pnl == .usdt(10))
        #expect(metrics.maxDrawdown == .usdt(30))
        #expect(metrics.returnBps == 1_000)
    }

    @Test func flatCurveHasZeroSharpeAndSteadyGainsArePositive() {
        #expect(EquityMetrics(curve: Array(repeating: Money.usdt(5), count: 10)).sharpeMilli == 0)
        let rising = EquityMetrics(curve: [100, 101, 103, 104, 106].map { Money.usdt($0) })
        #expect(rising.sharpeMilli > 1_000)
    }
}
