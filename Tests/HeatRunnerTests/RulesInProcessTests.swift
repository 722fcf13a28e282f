import AuditLog
import ContestModel
import Foundation
import HeatRunner
import Logging
import Sandbox
import Testing

/// Rules strategies evaluated inside the runner must play exactly as one `arena-worker` process
/// per team does: same actions, same transcript bytes, same equity curves.
@Suite("Rules strategies inside the runner")
struct RulesInProcessTests {
    static let strategies = ["trend-following", "mean-reversion", "market-making", "funding-carry", "breakout", "grid"]

    @Test(
        "the six example strategies give byte-identical transcripts in process and as one process per team",
        .enabled(if: RulesBinaries.available, "needs arena-sandbox and arena-worker (swift build)"))
    func sameTranscriptBothWays() throws {
        let spec = try Self.spec(ticks: 400)
        let processes = try Self.run(spec, workers: .processPerBot, threads: 1)
        let inProcess = try Self.run(spec, workers: .workerGroup, threads: 2)
        #expect(processes.reports.values.allSatisfy { $0.fault == nil })
        #expect(inProcess.reports.values.allSatisfy { $0.fault == nil })
        let records = try processes.records()
        let botCommands = records.reduce(0) { count, record in
            count + record.inputs.count { if case .command(.bot, _) = $0 { true } else { false } }
        }
        #expect(botCommands > 100, "the strategies should trade (\(botCommands) bot commands)")
        #expect(inProcess.transcript.bytes == processes.transcript.bytes)
        #expect(inProcess.equityCurves == processes.equityCurves)
        #expect(inProcess.transcript.results == processes.transcript.results)
    }

    @Test("a strategy that does not load or check faults only its own slot")
    func brokenStrategyFaultsOnlyItself() throws {
        let broken = FileManager.default.temporaryDirectory.appendingPathComponent("rules-broken-\(getpid())")
        try FileManager.default.createDirectory(at: broken, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: broken) }
        try "name: broken\nrules:\n  - when: mark >\n".write(
            to: broken.appendingPathComponent("strategy.yaml"), atomically: true, encoding: .utf8)
        var spec = try Self.spec(ticks: 60)
        spec.entries[2].bundleDirectory = broken.path
        spec.entries[4].bundleDirectory = "/nonexistent/bundle"
        let outcome = try Self.run(spec, workers: .workerGroup, threads: 2)
        #expect(outcome.reports[2]?.fault?.reason.code == FaultReason.crashed)
        #expect(outcome.reports[4]?.fault?.reason.code == FaultReason.crashed)
        for slot in [0, 1, 3, 5] { #expect(outcome.reports[slot]?.fault == nil) }
        let faults = try outcome.records().flatMap(\.inputs).compactMap { input -> UInt32? in
            if case .fault(let slot, _, _) = input { return slot }
            return nil
        }
        #expect(Set(faults) == [2, 4])
        #expect(outcome.transcript.results.teams.count == 6)
    }

    @Test("a heat of 1,000 rules strategies runs in one market: every team trades, scores and replays")
    func thousandTeams() throws {
        let spec = try Self.spec(ticks: 12, teams: 1_000)
        let outcome = try Self.run(spec, workers: .workerGroup, threads: 2)
        #expect(outcome.transcript.results.teams.count == 1_000)
        #expect(outcome.equityCurves.count == 1_000)
        #expect(outcome.equityCurves.values.allSatisfy { $0.count == 13 })
        let slotsTrading = Set(
            try outcome.records().flatMap(\.inputs).compactMap { input -> UInt32? in
                if case .command(.bot(let slot), _) = input { return slot }
                return nil
            })
        #expect(slotsTrading.count > 300, "\(slotsTrading.count) teams sent commands")
        let report = TranscriptVerifier(configuration: .init(requireAttestation: false))
            .verify(transcriptBytes: outcome.transcript.bytes, attestation: nil, publicKeys: [])
        #expect(report.verified, "\(String(describing: report.divergence))")
    }

    // MARK: - Heat set-up

    static func spec(ticks: Int, teams: Int = 6) throws -> HeatSpec {
        var contest = try ContestDefinitionLoader.load(
            path: RulesBinaries.packageRoot.appendingPathComponent("Seeds/contests/demo.yaml").path)
        // Generous deadlines: the process path must never miss a tick on a loaded machine.
        contest.limits.tickDeadlineMilliseconds = 10_000
        contest.limits.firstTickDeadlineMilliseconds = 30_000
        return HeatSpec(
            contest: contest, runId: "rules-in-process", seed: 20_261_202,
            entries: (0..<teams).map { slot in
                let name = strategies[slot % strategies.count]
                return HeatSpec.Entry(
                    slot: slot, teamId: Int64(100 + slot), label: name, runtime: .rules,
                    bundleDirectory: RulesBinaries.packageRoot.appendingPathComponent("Seeds/strategies/\(name)").path,
                    entry: nil, submissionSHA256: String(repeating: "a", count: 64))
            }, ticks: ticks)
    }

    static func run(_ spec: HeatSpec, workers: WorkersFactory, threads: Int) throws -> HeatOutcome {
        var logger = Logger(label: "rules-in-process-tests")
        logger.logLevel = .critical
        var sandbox = SandboxConfiguration(
            helperPath: RulesBinaries.helperPath ?? "/nonexistent", isolation: .plainProcess)
        sandbox.workerPath = RulesBinaries.workerPath ?? "/nonexistent"
        let executor = HeatExecutor(
            sandbox: sandbox, signingKey: ScriptedHeat.key, logger: logger, workers: workers, threads: threads)
        return try executor.run(spec)
    }
}
