import Foundation
import MarketModel
import StrategyKit
import StrategyTestSupport

/// Benchmark of the rules evaluator: time per tick for the six seed strategies and a 20-rule
/// strategy, each as a ratio against a native Swift baseline measured in the same run (two EMAs,
/// a crossover and a target-position order: what `trend-following` computes, hand-written).
///
/// Usage: `arena-bench strategy [--ticks N] [--repeat R] [--seeds DIR]`.
enum StrategyBench {
    /// Per-tick target for a 20-rule strategy in release builds.
    static let targetNanoseconds = 5_000.0

    static func run(arguments: [String]) {
        let ticks = value(of: "--ticks", in: arguments) ?? 20_000
        let repeats = value(of: "--repeat", in: arguments) ?? 5
        let seeds = string(of: "--seeds", in: arguments) ?? "Seeds/strategies"
        let inputs = makeInputs(ticks: ticks)
        let baseline = best(of: repeats) { nativeBaseline(inputs) }
        print("strategy bench: \(ticks) ticks, best of \(repeats)")
        print("baseline (native Swift EMA crossover): \(format(baseline)) ns/tick")
        print(pad("strategy", 22) + pad("rules", 6) + pad("cost", 7) + pad("ns/tick", 10) + "x baseline")
        var cases: [(String, String)] = []
        for name in ["trend-following", "mean-reversion", "market-making", "funding-carry", "breakout", "grid"] {
            let path = (seeds as NSString).appendingPathComponent("\(name)/strategy.yaml")
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
                print("\(name): cannot read \(path) (run from the repository root or pass --seeds)")
                continue
            }
            cases.append((name, text))
        }
        cases.append(("twenty-rules", twentyRuleStrategy))
        for (name, text) in cases {
            do {
                let strategy = try StrategyChecker.check(
                    StrategyDocument.parse(yaml: text, fileName: name), limits: .standard)
                let perTick = try best(of: repeats) { try evaluate(strategy, inputs) }
                let rules = text.components(separatedBy: "\n  - ").count - 1
                print(
                    pad(name, 22) + pad("\(rules)", 6) + pad("\(strategy.costBound)", 7) + pad(format(perTick), 10)
                        + format(perTick / baseline, digits: 1))
                if name == "twenty-rules" {
                    let verdict = perTick <= targetNanoseconds ? "meets" : "misses"
                    print("20-rule strategy \(verdict) the \(Int(targetNanoseconds)) ns/tick target")
                }
            } catch {
                print("\(name): \(error)")
            }
        }
    }

    /// Inputs from the synthetic market, with fills applied so positions and orders vary.
    static func makeInputs(ticks: Int) -> [StrategyInput] {
        var market = SyntheticMarket()
        var inputs: [StrategyInput] = []
        inputs.reserveCapacity(ticks)
        for tick in 0..<ticks {
            inputs.append(market.input())
            if tick % 97 == 0 {
                let side: Side = tick % 194 == 0 ? .buy : .sell
                market.apply(
                    StrategyOutput(actions: [
                        .place(
                            OrderIntent(
                                instrument: InstrumentID(0), side: side, kind: .market, price: nil,
                                quantity: Quantity(lots: 10),
                                timeInForce: .ioc, reduceOnly: false))
                    ]))
            }
            market.advance()
        }
        return inputs
    }

    /// Nanoseconds per tick of running `strategy` over `inputs`.
    static func evaluate(_ strategy: CheckedStrategy, _ inputs: [StrategyInput]) throws -> Double {
        var evaluator = try StrategyEvaluator(strategy: strategy, instruments: [.btcPerp, .ethPerp])
        var actions = 0
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for input in inputs { actions &+= evaluator.step(input).actions.count }
        }
        blackHole(actions)
        return nanoseconds(elapsed) / Double(inputs.count)
    }

    /// The same work as `trend-following`, written directly in Swift.
    static func nativeBaseline(_ inputs: [StrategyInput]) -> Double {
        var fast = Double.nan
        var slow = Double.nan
        var previous: (Double, Double)?
        var seen = 0
        var fastSum = 0.0
        var slowSum = 0.0
        var orders: [OrderIntent] = []
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            for input in inputs {
                orders.removeAll(keepingCapacity: true)
                let mark = GridRounding.value(input.markets[0].mark, spec: .btcPerp)
                seen += 1
                if seen <= 12 { fastSum += mark }
                if seen <= 48 { slowSum += mark }
                fast = seen < 12 ? .nan : seen == 12 ? fastSum / 12 : fast + 2.0 / 13 * (mark - fast)
                slow = seen < 48 ? .nan : seen == 48 ? slowSum / 48 : slow + 2.0 / 49 * (mark - slow)
                guard fast.isFinite, slow.isFinite else { continue }
                defer { previous = (fast, slow) }
                guard let (lastFast, lastSlow) = previous else { continue }
                let up = lastFast <= lastSlow && fast > slow
                let down = lastFast >= lastSlow && fast < slow
                guard up || down else { continue }
                let goal: Int64 = up ? 50 : -50
                let difference = goal - input.account.positions[0].size.lots
                if difference != 0 {
                    orders.append(
                        OrderIntent(
                            instrument: InstrumentID(0), side: difference > 0 ? .buy : .sell, kind: .market, price: nil,
                            quantity: Quantity(lots: abs(difference)), timeInForce: .ioc, reduceOnly: false))
                }
            }
        }
        blackHole(orders.count)
        return nanoseconds(elapsed) / Double(inputs.count)
    }

    /// Twenty rules of typical shape; most conditions are false on most ticks, as in real strategies.
    static let twentyRuleStrategy: String = {
        var lines = [
            "name: twenty-rules", "runtime: rules", "markets: [BTC-PERP, ETH-PERP]",
            "params: {size: 0.01, band: 2}", "state: {trades: 0}", "let:",
            "  z: zscore(mark, 50)", "  fast: ema(mark, 10)", "  slow: ema(mark, 40)", "  r: rsi(mark, 14)",
            "rules:",
        ]
        let conditions = [
            "crosses_above(fast, slow)", "crosses_below(fast, slow)", "z < -band and position <= 0",
            "z > band and position >= 0", "r < 25 and spread < 1", "r > 75 and spread < 1",
            "abs(z) < 0.2 and position != 0", "mark > highest(mark, 100) - 1", "mark < lowest(mark, 100) + 1",
            "funding_rate > 0.0002 and next_funding < 50", "funding_rate < -0.0002 and next_funding < 50",
            "eth.mark > sma(eth.mark, 30) * 1.01", "eth.mark < sma(eth.mark, 30) * 0.99",
            "imbalance > 0.5 and spread <= 0.2", "imbalance < -0.5 and spread <= 0.2",
            "upnl < -50", "upnl > 100", "open_orders > 4", "macd(mark, 12, 26) > 5 and position == 0",
            "stdev(mark, 20) > 30 and trades < 1000",
        ]
        for (index, condition) in conditions.enumerated() {
            lines.append("  - when: \(condition)")
            lines.append("    do:")
            switch index % 4 {
            case 0: lines.append("      - target_position: \(index % 8 == 0 ? "size" : "-size")")
            case 1: lines.append("      - buy: {size: size, offset: 1, post_only: true}")
            case 2: lines.append("      - close")
            default: lines.append("      - cancel_all")
            }
            lines.append("      - set: {trades: trades + 1}")
        }
        lines.append("risk: {max_leverage: 5, max_orders_per_tick: 8}")
        return lines.joined(separator: "\n")
    }()

    private static func best(of repeats: Int, _ body: () throws -> Double) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, repeats) { best = min(best, try body()) }
        return best
    }

    private static func nanoseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e9 + Double(duration.components.attoseconds) / 1e9
    }

    private static func value(of flag: String, in arguments: [String]) -> Int? {
        string(of: flag, in: arguments).flatMap(Int.init)
    }

    private static func string(of flag: String, in arguments: [String]) -> String? {
        guard let index = arguments.firstIndex(of: flag), index + 1 < arguments.count else { return nil }
        return arguments[index + 1]
    }

    private static func format(_ value: Double, digits: Int = 0) -> String {
        String(format: "%.\(digits)f", value)
    }

    private static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }

    @inline(never)
    private static func blackHole(_ value: Int) {
        if value == Int.min { print(value) }
    }
}
