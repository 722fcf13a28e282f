import MarketBackground
import MarketEngine
import MarketModel
import Testing

/// Single steps of the price processes with injected shocks (reference §12), and the
/// deterministic math they rest on.
@Suite("Price process steps")
struct PriceProcessTests {
    static func close(_ a: Double, _ b: Double, _ tolerance: Double = 1e-12) -> Bool {
        abs(a - b) <= tolerance * max(1, abs(b))
    }

    @Test func deterministicMathMatchesReferenceValues() {
        #expect(Self.close(DeterministicMath.log(2), 0.6931471805599453))
        #expect(Self.close(DeterministicMath.log(1e-7), -16.11809565095832))
        #expect(Self.close(DeterministicMath.exp(1), 2.718281828459045))
        #expect(Self.close(DeterministicMath.exp(-20.5), 1.2501528663867426e-09))
        #expect(Self.close(DeterministicMath.sqrt(2), 1.4142135623730951))
        #expect(DeterministicMath.roundToInteger(2.5) == 2)
        #expect(DeterministicMath.roundToInteger(3.5) == 4)
        #expect(DeterministicMath.roundToInteger(-2.5) == -2)
        #expect(DeterministicMath.roundToInteger(-2.6) == -3)
    }

    /// GBM: 100·exp((0.05 − 0.2²/2)·1 + 0.2·1·0.5) = 100·e^0.13.
    @Test func gbmStep() {
        let next = PriceProcessMath.gbmStep(price: 100, drift: 0.05, volatility: 0.2, dt: 1, shock: 0.5)
        #expect(Self.close(next, 113.88283833246217))
    }

    /// Merton: κ = e^{0 + 0.1²/2} − 1; ln ratio = (0 − 0.02 − 1·κ)·1 + 0 − 0.05.
    @Test func mertonStepWithInjectedJump() {
        let next = PriceProcessMath.mertonStep(
            price: 100, drift: 0, volatility: 0.2, jumpIntensity: 1, jumpMean: 0, jumpStdDev: 0.1, dt: 1, shock: 0,
            jumps: [-0.05])
        #expect(Self.close(next, 92.77318702555222))
    }

    @Test func garchAndRegimes() {
        let variance = PriceProcessMath.garchVariance(
            omega: 1e-6, alpha: 0.05, beta: 0.9, lastReturn: 0.01, lastVariance: 1e-4)
        #expect(Self.close(variance, 9.6e-5))
        #expect(Self.close(PriceProcessMath.garchLongRunVariance(omega: 1e-6, alpha: 0.05, beta: 0.9), 2e-5))
        #expect(Self.close(PriceProcessMath.stationaryProbability(leave0: 0.1, leave1: 0.3), 0.75))
        #expect(Self.close(PriceProcessMath.expectedDuration(stay: 0.99), 100, 1e-9))
        #expect(
            Self.close(
                PriceProcessMath.ornsteinUhlenbeckStep(
                    value: 110, mean: 100, reversion: 0.5, volatility: 2, dt: 1, shock: 0),
                106.06530659712633))
    }

    /// The seeded path is integer, positive and reproducible; different seeds differ.
    @Test func seededPathIsReproducible() {
        func path(_ seed: UInt64) -> [Int64] {
            var configuration = MarketConfiguration.standard
            configuration.background.instruments = configuration.background.instruments.map {
                InstrumentBackground(startPrice: $0.startPrice, priceModel: $0.priceModel)
            }
            var exchange = Exchange(configuration: configuration, seed: seed)
            var out: [Int64] = []
            for _ in 0..<500 {
                _ = exchange.advance()
                out.append(exchange.market(InstrumentID(0)).index.ticks)
            }
            return out
        }
        let first = path(5)
        #expect(first == path(5))
        #expect(first != path(6))
        #expect(first.allSatisfy { $0 > 0 })
        #expect(Set(first).count > 50)
    }
}
