import ContestModel
import Foundation
import Glibc
import HeatRunner
import Sandbox

extension HeatBench {
    /// The echo heat's CPU per bot-tick against two baselines of the same observation bytes:
    /// one raw ping-pong pair (a single process answering in turn: no scheduling of many
    /// processes), and as many raw echo pairs as the heat has bots, each bot in its own session
    /// as the helper starts every worker, driven like the runner drives them (all lines written,
    /// then `poll` and read) — the like-for-like one.
    ///
    /// Three rounds, each an echo heat of `teams` bots at two lengths (the difference is the
    /// marginal cost: start-up, hello and finish cancel out), split into the runner's own CPU
    /// (every thread, less the empty tick's share) and the bots' (reaped children: bots and
    /// their helpers), followed at once by the raw pairs; the median ratio is the result.
    static func hostOverhead(
        _ contest: ContestDefinition, _ options: Options, teams: Int, echoBot: String, emptyCPUPerTick: Double
    ) throws {
        let line = SandboxBench.sampleObservation(tick: 1).encodedLineBytes
        let iterations = 20_000
        let cpuStart = processCPU()
        let startWall = ContinuousClock.now
        let samples = SandboxBench.rawPingPong(bot: echoBot, line: line, iterations: iterations)
        let rawCPU = (processCPU() - cpuStart) / Double(iterations + 200) * 1e6
        let rawWall = seconds(ContinuousClock.now - startWall) / Double(iterations + 200) * 1e6
        print(
            "* raw pipe ping-pong, one pair, same \(line.count) B (CPU of both ends): \(f(rawCPU)) µs "
                + "(wall p50 \(f(SandboxBench.percentile(samples, 0.5))) µs, mean \(f(rawWall)) µs)")
        let long = max(1_000, options.processTicks)
        let short = long / 5
        let pairTicks = max(200, min(5_000, 320_000 / max(1, teams)))
        var ratios: [Double] = []
        var cagedRatios: [Double] = []
        var heats: [Double] = []
        let sandboxed = options.sandboxed && geteuid() == 0
        for round in 1...3 {
            let first = try split {
                _ = try heat(
                    contest, options, name: "echo", teams: teams, ticks: short, workers: .workerGroup, runtime: .exec)
            }
            let second = try split {
                _ = try heat(
                    contest, options, name: "echo", teams: teams, ticks: long, workers: .workerGroup, runtime: .exec)
            }
            let botTicks = Double(teams * (long - short))
            let runner = (second.own - first.own) / botTicks * 1e6 - emptyCPUPerTick / Double(teams) * 1e6
            let bots = (second.children - first.children) / botTicks * 1e6
            guard
                let pairs = RawEchoPairs.measure(
                    bot: echoBot, line: line, bots: teams, iterations: pairTicks, newSession: true)
            else {
                print("* raw echo pairs: failed")
                return
            }
            // A sandboxed heat's bots each have their own cgroups: so do the raw bots of a second
            // baseline (the isolation's scheduling and memory accounting, not the transport).
            if sandboxed {
                if let caged = RawEchoPairs.measure(
                    bot: echoBot, line: line, bots: teams, iterations: pairTicks, newSession: true, cgroups: true)
                {
                    print(
                        "* round \(round): \(teams) raw echo pairs, each bot in its own session and cgroups: driver "
                            + "\(f(caged.driver)) + bots \(f(caged.bots)) = \(f(caged.total)) µs → heat "
                            + "\(f((runner + bots) / max(caged.total, 0.001)))×")
                    cagedRatios.append((runner + bots) / max(caged.total, 0.001))
                } else {
                    print("* round \(round): raw echo pairs in cgroups: failed (needs root and cgroup v1)")
                }
            }
            let ratio = (runner + bots) / max(pairs.total, 0.001)
            ratios.append(ratio)
            heats.append(runner + bots)
            print(
                "* round \(round): echo heat of \(teams), \(long - short) marginal ticks: runner \(f(runner)) + bots "
                    + "\(f(bots)) = \(f(runner + bots)) µs per bot-tick (one pair: \(f((runner + bots) / max(rawCPU, 0.001)))×); "
                    + "\(teams) raw echo pairs, own sessions, \(pairTicks) ticks: driver \(f(pairs.driver)) + bots "
                    + "\(f(pairs.bots)) = \(f(pairs.total)) µs (wall \(f(pairs.wall)) µs) → \(f(ratio))×")
        }
        let median = ratios.sorted()[ratios.count / 2]
        print(
            "* host overhead per process bot-tick (echo heat of \(teams), median of 3): \(f(heats.sorted()[1])) µs, "
                + "\(f(median))× \(teams) raw echo pairs (rounds \(ratios.map { f($0) }.joined(separator: ", ")))")
        if !cagedRatios.isEmpty {
            print(
                "* the same against raw echo pairs in their own cgroups: \(f(cagedRatios.sorted()[cagedRatios.count / 2]))× "
                    + "(rounds \(cagedRatios.map { f($0) }.joined(separator: ", ")))")
        }
    }

    /// CPU seconds of this process (every thread) and of its reaped children spent in `body`.
    private static func split(_ body: () throws -> Void) rethrows -> (own: Double, children: Double) {
        func seconds(_ who: Int32) -> Double {
            var usage = rusage()
            getrusage(__rusage_who_t(who), &usage)
            return Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) * 1e-6
                + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) * 1e-6
        }
        let own = seconds(RUSAGE_SELF.rawValue)
        let children = seconds(RUSAGE_CHILDREN.rawValue)
        try body()
        return (seconds(RUSAGE_SELF.rawValue) - own, seconds(RUSAGE_CHILDREN.rawValue) - children)
    }
}
