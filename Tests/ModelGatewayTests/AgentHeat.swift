import AuditLog
import BotProtocol
import ContestModel
import HeatRunner
import HeatRunnerTestSupport
import Logging
import ModelGateway
import Sandbox

/// A short heat on the real engine and recorder with scripted bots, two of them LLM agents
/// (slots 1 and 2) asking the gateway at every decision point; the endpoint is in-process.
struct AgentHeat {
    static let key = try! SigningKey(rawRepresentation: Array(repeating: UInt8(7), count: 32))

    var ticks = 10
    var settings = Fixtures.settings(timeoutMs: 2_000, thinkingMs: 120_000, interval: 3)
    var endpoint: any ModelEndpoint = StubModel()
    var thinkingTime: Duration = .seconds(2)

    var spec: HeatSpec {
        var contest = ContestDefinition(id: "llm-unit", name: "LLM heat")
        contest.llm = settings
        return HeatSpec(
            contest: contest, runId: "llm", seed: 42,
            entries: [0, 1, 2].map {
                HeatSpec.Entry(
                    slot: $0, teamId: Int64($0 + 1), label: "team-\($0)", runtime: .python, bundleDirectory: "b\($0)",
                    entry: "bot.py", submissionSHA256: String(repeating: "\($0)", count: 64))
            }, ticks: ticks)
    }

    var script: WorkerScript {
        var script = WorkerScript()
        for slot in [1, 2] {
            script.thinking[slot] = ScriptedThinking(
                request: Fixtures.request(id: "s\(slot)", prompt: "mark=\(100 + slot) sma=100"),
                thinkingTime: thinkingTime)
        }
        return script
    }

    /// Runs the heat on its own thread (the scripted agents block while the gateway works).
    func run() async throws -> (HeatOutcome, ScriptedWorkers) {
        let bots = ScriptedWorkers(script)
        var logger = Logger(label: "model-gateway-tests")
        logger.logLevel = .critical
        let executor = HeatExecutor(
            sandbox: SandboxConfiguration(helperPath: "unused"), signingKey: Self.key, logger: logger,
            workers: bots.factory, models: .stub(endpoint))
        let spec = spec
        let outcome = try await DedicatedThread.run { try executor.run(spec) }
        return (outcome, bots)
    }
}

extension HeatOutcome {
    /// Every recorded model exchange with its slot and the tick whose record holds it.
    func modelExchanges() throws -> [(tick: Int64, slot: UInt32, record: ModelExchangeRecord)] {
        try Transcript.decode(transcript.bytes).records.flatMap { record in
            record.inputs.compactMap { input in
                if case .modelExchange(let slot, let exchange) = input { return (record.tick, slot, exchange) }
                return nil
            }
        }
    }

    /// Every recorded timeout.
    func timeouts() throws -> [TickInput] {
        try Transcript.decode(transcript.bytes).records.flatMap(\.inputs).filter {
            if case .timeout = $0 { return true }
            return false
        }
    }
}
