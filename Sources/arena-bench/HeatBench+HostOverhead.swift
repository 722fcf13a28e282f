import Foundation

extension HeatBench {
    /// The echo heat's CPU per bot-tick (runner + bots, less the empty tick's share) against two
    /// baselines of the same observation bytes: one raw ping-pong pair (a single process
    /// answering in turn: no scheduling of many processes), and as many raw echo pairs as the
    /// heat has bots, each bot in its own session as the helper starts every worker, driven like
    /// the runner drives them (all lines written, then `poll` and read) — the like-for-like one.
    static func hostOverhead(_ echoRow: Row, echoBot: String, emptyCPUPerTick: Double) {
        let line = SandboxBench.sampleObservation(tick: 1).encodedLineBytes
        let iterations = 20_000
        let cpuStart = processCPU()
        let startWall = ContinuousClock.now
        let samples = SandboxBench.rawPingPong(bot: echoBot, line: line, iterations: iterations)
        let rawCPU = (processCPU() - cpuStart) / Double(iterations + 200) * 1e6
        let rawWall = seconds(ContinuousClock.now - startWall) / Double(iterations + 200) * 1e6
        let hostCPU = echoRow.marginal - emptyCPUPerTick / Double(echoRow.teams) * 1e6
        print(
            "* host overhead per process bot-tick (echo heat of \(echoRow.teams), marginal CPU of runner + bots, "
                + "less the empty tick's share): \(f(hostCPU)) µs")
        print(
            "* raw pipe ping-pong, one pair, same \(line.count) B (CPU of both ends): \(f(rawCPU)) µs "
                + "(wall p50 \(f(SandboxBench.percentile(samples, 0.5))) µs, mean \(f(rawWall)) µs) "
                + "→ heat \(f(hostCPU / max(rawCPU, 0.001)))×")
        let ticks = max(200, min(5_000, 320_000 / max(1, echoRow.teams)))
        for newSession in [true, false] {
            guard
                let pairs = RawEchoPairs.measure(
                    bot: echoBot, line: line, bots: echoRow.teams, iterations: ticks, newSession: newSession)
            else {
                print("* raw echo pairs: failed")
                continue
            }
            print(
                "* raw pipe ping-pong, \(echoRow.teams) pairs\(newSession ? ", each bot in its own session" : ""), "
                    + "\(ticks) ticks (CPU per bot-tick: driver \(f(pairs.driver)) + bots \(f(pairs.bots)) µs): "
                    + "\(f(pairs.total)) µs (wall \(f(pairs.wall)) µs) → heat \(f(hostCPU / max(pairs.total, 0.001)))×")
        }
    }
}
