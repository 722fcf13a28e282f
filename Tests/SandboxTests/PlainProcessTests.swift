import BotProtocol
import Foundation
import Sandbox
import Testing

/// WorkerGroup behaviour that needs no root: protocol handling, deadlines, strikes, faults.
@Suite("Worker group, plain processes", .serialized)
struct PlainProcessTests {
    static func configuration(_ helper: String) -> SandboxConfiguration {
        SandboxConfiguration(
            helperPath: helper, pythonSDKDirectory: SandboxTestEnvironment.sdkDirectory, isolation: .plainProcess,
            tickDeadline: .milliseconds(300), firstTickDeadline: .seconds(3), maxStrikes: 2,
            endGrace: .milliseconds(300))
    }

    static func contest(_ fixture: String, ticks: Int = 5, edit: (inout SandboxConfiguration) -> Void = { _ in })
        throws -> TestContest.Outcome
    {
        let helper = try #require(SandboxTestEnvironment.helperPath, "arena-sandbox not built")
        let bundle = try SandboxTestEnvironment.bundle([fixture])
        defer { SandboxTestEnvironment.removeBundle(bundle) }
        var configuration = configuration(helper)
        edit(&configuration)
        let launch = WorkerLaunch(slot: 0, label: "t0", runtime: .python, bundleDirectory: bundle, entry: fixture)
        return try TestContest(configuration: configuration, launches: [launch], ticks: ticks).runOnThread()
    }

    @Test func echoBotAnswersEveryTick() throws {
        let outcome = try Self.contest("echo_bot.py")
        #expect(outcome.replies(0) == 5)
        #expect(outcome.faultCode(0) == nil)
        #expect(outcome.reports[0]?.logLines == ["hello t0"])
        #expect(outcome.reports[0]?.exitStatus == .exited(0))
    }
}

extension PlainProcessTests {
    static func attack(
        _ fixture: String, ticks: Int = 4, tickDeadline: Duration = .milliseconds(300)
    ) throws -> TestContest.Outcome {
        let helper = try #require(SandboxTestEnvironment.helperPath, "arena-sandbox not built")
        let bundle = try SandboxTestEnvironment.bundle([fixture, "attacklib.py"])
        defer { SandboxTestEnvironment.removeBundle(bundle) }
        let launch = WorkerLaunch(slot: 0, label: "t0", runtime: .python, bundleDirectory: bundle, entry: fixture)
        var configuration = configuration(helper)
        configuration.tickDeadline = tickDeadline
        return try TestContest(configuration: configuration, launches: [launch], ticks: ticks).runOnThread()
    }

    @Test func sleepingBotIsFaultedAfterStrikes() throws {
        let outcome = try Self.attack("sleep_forever.py")
        #expect(outcome.faultCode(0) == FaultReason.deadlineStrikes)
        #expect(outcome.reports[0]?.fault?.tick == 3)
        #expect(outcome.results[0]?[1] == .missed(strikes: 1))
    }

    @Test func closingStdoutIsAFault() throws {
        let outcome = try Self.attack("close_stdout.py")
        #expect(outcome.faultCode(0) == FaultReason.stdoutClosed)
    }

    @Test func crashIsAFaultWithExitStatus() throws {
        let outcome = try Self.attack("crash.py")
        #expect(outcome.faultCode(0) == FaultReason.crashed)
        #expect(outcome.reports[0]?.fault?.reason.detail.contains("status 3") == true)
        #expect(outcome.reports[0]?.fault?.tick == 2)
    }

    @Test func garbageIsAProtocolViolation() throws {
        let outcome = try Self.attack("garbage_output.py")
        #expect(outcome.faultCode(0) == FaultReason.protocolViolation)
    }

    @Test func endlessLineIsAProtocolViolation() throws {
        let outcome = try Self.attack("flood_stdout.py")
        #expect(outcome.faultCode(0) == FaultReason.protocolViolation)
        #expect(outcome.reports[0]?.fault?.reason.detail.contains("line_too_long") == true)
    }

    @Test func lineFloodIsAnOutputFlood() throws {
        let outcome = try Self.attack("flood_lines.py")
        #expect(outcome.faultCode(0) == FaultReason.outputFlood)
        #expect((outcome.reports[0]?.logLines.count ?? 0) < 300)
    }

    @Test func stderrFloodIsCappedAndFaulted() throws {
        let outcome = try Self.attack("flood_stderr.py")
        #expect(outcome.faultCode(0) == FaultReason.outputFlood)
        #expect((outcome.reports[0]?.stderrTail.utf8.count ?? .max) < 20_000)
    }

    @Test func partialLineNeverGluesOntoTheNextTick() throws {
        // The bot sleeps 0.6 s at tick 2: past this deadline, well inside tick 3's.
        let outcome = try Self.attack("partial_line.py", ticks: 5, tickDeadline: .milliseconds(500))
        #expect(outcome.faultCode(0) == nil)
        let results = outcome.results[0] ?? []
        #expect(results.count == 5)
        #expect(results[1] == .missed(strikes: 1))
        #expect(results[2] == .actions([], logs: []))
        #expect(results[4] == .actions([], logs: []))
    }
}

extension PlainProcessTests {
    @Test func helloAnnouncesTheEnforcedLimits() {
        var configuration = SandboxConfiguration(helperPath: "/x", tickDeadline: .milliseconds(250))
        configuration.maxActionsPerTick = 7
        #expect(
            configuration.protocolLimits
                == ProtocolLimits(tickDeadlineMs: 250, maxActionsPerTick: 7, maxLineBytes: 65_536))
    }
}
