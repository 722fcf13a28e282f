import AuditLog
import BotProtocol
import ContestModel
import HeatRunner
import HeatRunnerTestSupport
import Logging
import Sandbox
import Testing

/// The validation episode's verdict on scripted bots (no processes): a crash, missed deadlines
/// and a protocol violation reject; an idle bot passes unless the contest requires activity; the
/// Python error of a crashed bot names its file and line, from the sandbox and a local process alike.
struct ValidationEpisodeTests {
    static func verdict(_ script: WorkerScript, settings: ValidationSettings = ValidationSettings(ticks: 8))
        throws -> ValidationVerdict
    {
        var contest = ContestDefinition(id: "unit", name: "Validation", validation: settings)
        contest.limits.maxStrikes = 3
        var logger = Logger(label: "validation-episode-tests")
        logger.logLevel = .critical
        let episode = ValidationEpisode(
            sandbox: SandboxConfiguration(helperPath: "unused"), logger: logger,
            workers: ScriptedWorkers(script).factory)
        let entry = HeatSpec.Entry(
            slot: 3, teamId: 7, label: "team", runtime: .rules, bundleDirectory: "/tmp/bundle", entry: nil,
            submissionSHA256: String(repeating: "a", count: 64))
        return try episode.run(contest: contest, entry: entry)
    }

    @Test func aWorkingBotPassesAndItsOrdersAreCounted() throws {
        let verdict = try Self.verdict(
            WorkerScript(replies: [0: [2: .actions([Actions.buy("0.001", clientID: 1)])]]))
        #expect(verdict.passed && verdict.code == ValidationVerdict.passedCode)
        #expect(verdict.ticks == 8 && verdict.seed == ValidationSettings().seed)
        #expect(verdict.ordersAccepted == 1)
        #expect(verdict.reason.hasPrefix("passed: 1 order accepted"))
    }

    @Test(
        "a bot that crashes, misses its deadlines or breaks the protocol is rejected",
        arguments: [
            (ScriptedReply.faulted(FaultReason(code: FaultReason.crashed, detail: "exited with status 1")), "crashed"),
            (.missed, "deadline_strikes"),
            (.faulted(FaultReason(code: FaultReason.protocolViolation, detail: "not JSON")), "protocol_violation"),
        ])
    func faultsReject(reply: ScriptedReply, code: String) throws {
        let verdict = try Self.verdict(WorkerScript(replies: [0: [1: reply, 2: reply, 3: reply, 4: reply]]))
        #expect(!verdict.passed)
        #expect(verdict.code == code)
        #expect(verdict.faultTick != nil)
        #expect(verdict.reason.contains("faulted at tick"), "\(verdict.reason)")
    }

    @Test func anIdleBotFailsOnlyWhenTheContestRequiresActivity() throws {
        #expect(try Self.verdict(WorkerScript()).passed)
        let strict = try Self.verdict(WorkerScript(), settings: ValidationSettings(ticks: 5, requireActivity: true))
        #expect(!strict.passed)
        #expect(strict.code == ValidationVerdict.noActivityCode)
        #expect(strict.report.hasPrefix("validation episode (5 practice ticks, seed 424242): the bot placed no order"))
    }

    @Test func thePythonErrorNamesTheFileAndLine() {
        let sandboxed = """
            Traceback (most recent call last):
              File "/bot/bot.py", line 9, in <module>
                pa.run(Bot())
              File "/sdk/perparena.py", line 400, in run
                bot.on_start(hello)
              File "/bot/strategy/signals.py", line 12, in on_start
                self.window = int(params["window"])
            KeyError: 'window'
            """
        #expect(
            PythonErrorSummary.summary(stderr: sandboxed, bundleDirectory: "/tmp/work/slot-0")
                == "strategy/signals.py, line 12: KeyError: 'window'")
        let local = """
              File "/tmp/work/slot-0/bot.py", line 3
                class Bot(pa.Bot)
                                 ^
            SyntaxError: expected ':'
            """
        #expect(
            PythonErrorSummary.summary(stderr: local, bundleDirectory: "/tmp/work/slot-0")
                == "bot.py, line 3: SyntaxError: expected ':'")
        #expect(PythonErrorSummary.summary(stderr: "Killed\n", bundleDirectory: "/x") == nil)
    }
}
