import AuditLog
import ContestModel
import Foundation
import HeatRunner
import InProcessBots
import Integrity
import Logging
import MarketModel
import Sandbox

/// Integrity benchmark (docs/PERFORMANCE.md, "Integrity"): the fair-play detectors' cost
/// against the evaluation's own CPU for one heat. A heat of the demo contest is played with
/// `--teams` rules bots (the six sample strategies and the six `Seeds/integrity` test bots in
/// turn) hosted in-process, so its thread CPU time is the engine, the tick loop, the transcript
/// and the bots' rules, without the sandbox's processes, pipes and JSON: a lower bound of what
/// the evaluation really costs, which makes the ratio an upper bound. Then, each best of N over
/// the same transcript, the detectors alone (`IntegrityAnalyzer` over a decoded run) and with
/// the transcript's decoding (`Transcript.decode`: decompression, parsing, hash chain).
///
/// `arena-bench integrity [--teams N] [--ticks N] [--reps N] [--seed N] [--seeds DIR]`
enum IntegrityBench {
    struct Options {
        var teams = 64
        var ticks: Int?
        var reps = 3
        var seed: UInt64 = 20_261_126
        /// The repository's `Seeds/` directory (strategies and the demo contest).
        var seeds = "Seeds"
    }

    static let strategies = [
        "strategies/trend-following", "strategies/mean-reversion", "strategies/market-making",
        "strategies/funding-carry", "strategies/breakout", "strategies/grid", "integrity/receiver", "integrity/donor",
        "integrity/wash-a", "integrity/wash-b", "integrity/copier", "integrity/quote-stuffer",
    ]

    /// Entry point.
    static func run(arguments: [String]) {
        var options = Options()
        var index = 0
        while index < arguments.count {
            let value = index + 1 < arguments.count ? arguments[index + 1] : ""
            switch arguments[index] {
            case "--teams": options.teams = Int(value) ?? options.teams
            case "--ticks": options.ticks = Int(value)
            case "--reps": options.reps = Int(value) ?? options.reps
            case "--seed": options.seed = UInt64(value) ?? options.seed
            case "--seeds": options.seeds = value
            default:
                print("usage: arena-bench integrity [--teams N] [--ticks N] [--reps N] [--seed N] [--seeds DIR]")
                return
            }
            index += 2
        }
        do {
            try measure(options)
        } catch {
            print("integrity bench failed: \(error)")
        }
    }

    private static func measure(_ options: Options) throws {
        let contest = try ContestDefinitionLoader.load(path: options.seeds + "/contests/demo.yaml")
        var logger = Logger(label: "integrity-bench")
        logger.logLevel = .critical
        let seeds = options.seeds
        let executor = HeatExecutor(
            sandbox: SandboxConfiguration(helperPath: "unused"),
            signingKey: try SigningKey(rawRepresentation: Array(repeating: 1, count: 32)), logger: logger,
            workers: InProcessWorkers.factory { slot, _ in
                try RulesBot(path: seeds + "/" + strategies[slot % strategies.count] + "/strategy.yaml")
            })
        let spec = HeatSpec(
            contest: contest, runId: "bench-r0-h0", seed: options.seed,
            entries: (0..<options.teams).map {
                HeatSpec.Entry(
                    slot: $0, teamId: Int64(1_000 + $0), label: strategies[$0 % strategies.count], runtime: .rules,
                    bundleDirectory: "", entry: nil, submissionSHA256: String(repeating: "0", count: 64))
            }, ticks: options.ticks)
        var heatCPU = Double.infinity
        var heatWall = Double.infinity
        var transcript: Transcript?
        for _ in 0..<max(1, options.reps) {
            let cpu = EngineBench.threadCPUSeconds()
            let wall = ContinuousClock.now
            let outcome = try executor.run(spec)
            heatCPU = min(heatCPU, EngineBench.threadCPUSeconds() - cpu)
            heatWall = min(heatWall, EngineBench.seconds(ContinuousClock.now - wall))
            if let transcript {
                precondition(transcript.bytes == outcome.transcript.bytes, "heats must be deterministic")
            }
            transcript = outcome.transcript
        }
        guard let transcript else { return }
        let (decoded, records) = try Transcript.decode(transcript.bytes)
        let run = try IntegrityRun(transcript: decoded, records: records)
        var report: IntegrityReport?
        let detect = best(options.reps) {
            report = try? IntegrityAnalyzer.report(contestID: contest.id, runs: [run])
        }
        let withDecode = best(options.reps) {
            _ = try? IntegrityAnalyzer.report(contestID: contest.id, transcripts: [transcript.bytes])
        }
        let events = records.reduce(0) { $0 + $1.events.count }
        let fills = records.reduce(0) { count, record in
            count + record.events.count { if case .trade = $0 { true } else { false } }
        }
        let bytes = report?.encoded().count ?? 0
        print(
            "integrity bench: \(options.teams) teams × \(records.count) ticks (demo contest, seed \(options.seed)), "
                + "best of \(options.reps)")
        print("  heat: \(events) events, \(fills) fills, transcript \(transcript.bytes.count) B")
        print("  heat, in-process rules bots:  \(fmt(heatCPU)) s thread CPU (\(fmt(heatWall)) s wall)")
        print("  detectors on a decoded run:   \(fmt(detect.cpu)) s thread CPU (\(fmt(detect.wall)) s wall)")
        print("  decode + detectors:           \(fmt(withDecode.cpu)) s thread CPU (\(fmt(withDecode.wall)) s wall)")
        print(
            "  ratio detectors / heat CPU: \(fmt(detect.cpu / heatCPU * 100)) %; "
                + "with decoding: \(fmt(withDecode.cpu / heatCPU * 100)) %")
        print(
            "  report: \(bytes) B, flagged teams \(report?.flaggedTeamIDs.count ?? 0) "
                + "(transfer \(report?.transfers.filter(\.flagged).count ?? 0), wash \(report?.washes.count ?? 0), "
                + "copying \(report?.copies.count ?? 0), spoofing \(report?.spoofs.count ?? 0))")
    }

    private static func best(_ reps: Int, _ body: () -> Void) -> (cpu: Double, wall: Double) {
        var cpu = Double.infinity
        var wall = Double.infinity
        for _ in 0..<max(1, reps) {
            let startCPU = EngineBench.threadCPUSeconds()
            let start = ContinuousClock.now
            body()
            cpu = min(cpu, EngineBench.threadCPUSeconds() - startCPU)
            wall = min(wall, EngineBench.seconds(ContinuousClock.now - start))
        }
        return (cpu, wall)
    }

    private static func fmt(_ value: Double) -> String { "\((value * 1_000).rounded() / 1_000)" }
}
