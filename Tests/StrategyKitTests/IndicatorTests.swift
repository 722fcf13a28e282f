import MarketModel
import StrategyKit
import Testing

/// Indicator values checked against straightforward reference computations over a known series.
@Suite("Indicators")
struct IndicatorTests {
    /// Mark prices (in ticks of 0.1) for 40 ticks: a zig-zag with a drift.
    static let series: [Int64] = (0..<40).map { (index: Int) -> Int64 in
        let step = Int64(index)
        let jump: Int64 = index % 5 == 0 ? 40 : -(step % 3) * 7
        return 670_000 + step * 3 + jump
    }

    /// Runs `expression` over the series and returns the logged value each tick.
    func values(_ expression: String) throws -> [Double] {
        let yaml = Fixtures.document(rules: "  - do:\n      - log: \"{\(expression)}\"")
        var evaluator = try Fixtures.evaluator(yaml)
        return try Self.series.enumerated().map { tick, mark in
            let line = try #require(evaluator.step(Fixtures.input(tick: Int64(tick), mark: mark)).logs.first)
            return Double(line) ?? .nan
        }
    }

    var prices: [Double] { Self.series.map { Double($0) / 10 } }

    func close(_ a: Double, _ b: Double) -> Bool { a.isNaN ? b.isNaN : (a - b).magnitude < 1e-6 }

    @Test("sma is the plain mean of the last n values, unavailable until n values exist")
    func sma() throws {
        let got = try values("sma(mark, 5)")
        for tick in prices.indices {
            let expected = tick < 4 ? Double.nan : prices[(tick - 4)...tick].reduce(0, +) / 5
            #expect(close(got[tick], expected), "tick \(tick): \(got[tick]) vs \(expected)")
        }
    }

    @Test("ema is seeded with the sma and smoothed with 2/(n+1)")
    func ema() throws {
        let got = try values("ema(mark, 4)")
        var reference = Double.nan
        for tick in prices.indices {
            if tick == 3 { reference = prices[0...3].reduce(0, +) / 4 }
            if tick > 3 { reference += 0.4 * (prices[tick] - reference) }
            #expect(close(got[tick], reference), "tick \(tick)")
        }
    }

    @Test("highest, lowest, change and prev look back over the window")
    func windows() throws {
        let highest = try values("highest(mark, 6)")
        let lowest = try values("lowest(mark, 6)")
        let change = try values("change(mark, 3)")
        let previous = try values("prev(mark, 2)")
        for tick in prices.indices where tick >= 5 {
            #expect(close(highest[tick], prices[(tick - 5)...tick].max()!))
            #expect(close(lowest[tick], prices[(tick - 5)...tick].min()!))
            #expect(close(change[tick], prices[tick] - prices[tick - 3]))
            #expect(close(previous[tick], prices[tick - 2]))
        }
        #expect(highest[4].isNaN)
    }

    @Test("rsi follows Wilder's smoothing and stays within 0...100")
    func rsi() throws {
        let got = try values("rsi(mark, 5)")
        var gain = 0.0
        var loss = 0.0
        for tick in 1..<prices.count {
            let delta = prices[tick] - prices[tick - 1]
            let up = max(delta, 0)
            let down = max(-delta, 0)
            if tick <= 5 {
                gain += up / 5
                loss += down / 5
            } else {
                gain = (gain * 4 + up) / 5
                loss = (loss * 4 + down) / 5
            }
            if tick >= 5 {
                #expect(close(got[tick], 100 - 100 / (1 + gain / loss)), "tick \(tick)")
                #expect((0...100).contains(got[tick]))
            } else {
                #expect(got[tick].isNaN)
            }
        }
    }

    @Test("stdev and zscore use the population deviation of the window")
    func deviation() throws {
        let stdev = try values("stdev(mark, 8)")
        let zscore = try values("zscore(mark, 8)")
        for tick in prices.indices where tick >= 7 {
            let window = prices[(tick - 7)...tick]
            let mean = window.reduce(0, +) / 8
            let sd = (window.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 8).squareRoot()
            #expect(close(stdev[tick], sd))
            #expect(close(zscore[tick], (prices[tick] - mean) / sd))
        }
    }

    @Test("crosses_above is true only on the tick the first series moves above the second")
    func crosses() throws {
        let yaml = Fixtures.document(rules: "  - when: crosses_above(mark, 67001)\n    do:\n      - buy: 0.001")
        var evaluator = try Fixtures.evaluator(yaml)
        let marks: [Int64] = [670_000, 670_005, 670_011, 670_020, 670_000, 670_015]
        let fired = marks.enumerated().map { tick, mark in
            !Fixtures.orders(evaluator.step(Fixtures.input(tick: Int64(tick), mark: mark))).isEmpty
        }
        #expect(fired == [false, false, true, false, false, true])
    }
}
