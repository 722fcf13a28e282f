import AuditLog
import HeatRunner
import HeatRunnerTestSupport
import Logging
import Sandbox
import Testing

@Suite("Preparation faults")
struct PreparationFaultTests {
    static let reason = FaultReason(
        code: FaultReason.startFailed, detail: "the submitted bundle could not be unpacked: too many files")

    /// Runs `heat` with the entries of `unprepared` slots marked as not prepared.
    func run(_ heat: ScriptedHeat, unprepared: Set<Int>, bots: ScriptedWorkers) throws -> HeatOutcome {
        var spec = heat.spec
        for index in spec.entries.indices where unprepared.contains(spec.entries[index].slot) {
            spec.entries[index].preparationFault = Self.reason
        }
        var logger = Logger(label: "heat-runner-tests")
        logger.logLevel = .critical
        let executor = HeatExecutor(
            sandbox: SandboxConfiguration(helperPath: "unused"), signingKey: ScriptedHeat.key, logger: logger,
            workers: bots.factory)
        return try executor.run(spec)
    }

    @Test("a team that could not be prepared is faulted at tick 0; the others play the whole heat")
    func oneTeamFaulted() throws {
        let heat = ScriptedHeat(ticks: 12)
        let bots = ScriptedWorkers(WorkerScript())
        let outcome = try run(heat, unprepared: [1], bots: bots)
        #expect(
            try outcome.inputs(tick: 0).contains(.fault(slot: 1, code: Self.reason.code, message: Self.reason.detail)))
        #expect(bots.hellos[1] == nil, "no worker was started for it")
        #expect(bots.observations(of: 1).isEmpty)
        #expect(bots.ends?[1] == nil)
        #expect(outcome.reports[1]?.fault == WorkerFault(reason: Self.reason, tick: 0))
        #expect(outcome.team(1)?.faulted == true)
        for slot in [0, 2] {
            #expect(bots.observations(of: slot).count == heat.ticks, "slot \(slot) plays on")
            #expect(outcome.team(slot)?.faulted == false)
        }
    }

    @Test("the transcript equals that of a bot that failed to start with the same reason")
    func sameTranscriptAsStartFailure() throws {
        let heat = ScriptedHeat(ticks: 8)
        let prepared = try run(heat, unprepared: [2], bots: ScriptedWorkers(WorkerScript()))
        let (started, _) = try heat.run(WorkerScript(startFaults: [2: Self.reason]))
        #expect(prepared.transcript.bytes == started.transcript.bytes)
    }

    @Test("a heat whose every team could not be prepared still finishes, every slot faulted")
    func everyTeamFaulted() throws {
        let heat = ScriptedHeat(ticks: 5)
        let bots = ScriptedWorkers(WorkerScript())
        let outcome = try run(heat, unprepared: [0, 1, 2], bots: bots)
        #expect(bots.hellos.isEmpty)
        for slot in heat.slots {
            #expect(outcome.team(slot)?.faulted == true)
            #expect(outcome.reports[slot]?.fault?.tick == 0)
        }
        #expect(outcome.equityCurves[0]?.count == heat.ticks + 1, "the market ran every tick")
    }
}
