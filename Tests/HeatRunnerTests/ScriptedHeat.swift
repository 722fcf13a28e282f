import AuditLog
import BotProtocol
import ContestModel
import HeatRunner
import HeatRunnerTestSupport
import Logging
import MarketEngine
import MarketModel
import Sandbox

/// A short heat on the real engine and recorder, with scripted bots instead of processes.
struct ScriptedHeat {
    /// One fixed key, so two runs of the same heat have the same transcript header.
    static let key = try! SigningKey(rawRepresentation: Array(repeating: UInt8(9), count: 32))

    var slots: [Int] = [0, 1, 2]
    var seed: UInt64 = 20_260_101
    var ticks = 12
    var maxStrikes = 3
    /// `decisions: { required: true }` in the contest.
    var decisionsRequired = false

    var contest: ContestDefinition {
        var contest = ContestDefinition(id: "unit", name: "Scripted heat")
        contest.limits.maxStrikes = maxStrikes
        if decisionsRequired { contest.decisions = DecisionSettings(required: true) }
        return contest
    }

    var spec: HeatSpec {
        HeatSpec(
            contest: contest, runId: "scripted", seed: seed,
            entries: slots.map {
                HeatSpec.Entry(
                    slot: $0, teamId: Int64($0 + 1), label: "team-\($0)", runtime: .rules,
                    bundleDirectory: "bundle-\($0)", entry: nil,
                    submissionSHA256: String(repeating: "\($0 % 10)", count: 64))
            }, ticks: ticks)
    }

    /// Runs the heat against `bots`.
    func run(_ bots: ScriptedWorkers, shouldStop: @Sendable () -> Bool = { false }) throws(HeatError) -> HeatOutcome {
        var logger = Logger(label: "heat-runner-tests")
        logger.logLevel = .critical
        let executor = HeatExecutor(
            sandbox: SandboxConfiguration(helperPath: "unused"), signingKey: Self.key, logger: logger,
            workers: bots.factory)
        return try executor.run(spec, shouldStop: shouldStop)
    }

    /// Runs the heat against fresh bots following `script`.
    func run(_ script: WorkerScript) throws -> (HeatOutcome, ScriptedWorkers) {
        let bots = ScriptedWorkers(script)
        return (try run(bots), bots)
    }
}

extension HeatOutcome {
    /// The transcript's tick records.
    func records() throws -> [TickRecord] {
        try Transcript.decode(transcript.bytes).records
    }

    /// The inputs recorded in `tick`.
    func inputs(tick: Int64) throws -> [TickInput] {
        try records().first { $0.tick == tick }?.inputs ?? []
    }

    /// The slots whose bots' commands were applied in `record`, in order.
    static func botOrder(_ record: TickRecord) -> [Int] {
        record.inputs.compactMap {
            if case .command(.bot(let slot), _) = $0 { return Int(slot) }
            return nil
        }
    }

    /// The engine after replaying every recorded command (the verifier's view of the end state).
    func replayedExchange() throws -> Exchange {
        let (decoded, records) = try Transcript.decode(transcript.bytes)
        var exchange = Exchange(configuration: try decoded.header.configuration(), seed: decoded.header.seed)
        for record in records {
            for case .command(_, let command) in record.inputs { _ = exchange.apply(command) }
            _ = exchange.advance()
        }
        return exchange
    }

    /// The audited result of `slot`.
    func team(_ slot: Int) -> TeamResult? {
        transcript.results.teams.first { Int($0.slot) == slot }
    }
}
