import BotProtocol
import Foundation
import Sandbox
import Testing

/// A bot that never reads its stdin cannot make the host buffer without limit: once more than
/// `maxPendingStdinBytes` of its observations are queued it is faulted `stdin_backlog`, and
/// the other bots trade on.
@Suite("Stdin backlog", .serialized)
struct StdinBacklogTests {
    @Test func aBotThatNeverReadsIsFaultedAndTheOthersGoOn() throws {
        let helper = try #require(SandboxTestEnvironment.helperPath, "arena-sandbox not built")
        let isolation = SandboxTestEnvironment.preferredIsolation
        if isolation == .sandboxed, !SandboxAttackTests.ready() { return }
        let bundle = try SandboxTestEnvironment.bundle(["never_reads.py", "echo_bot.py"])
        defer { SandboxTestEnvironment.removeBundle(bundle) }
        let cap = 256 * 1024
        let configuration = SandboxConfiguration(
            helperPath: helper, isolation: isolation, tickDeadline: .milliseconds(3),
            firstTickDeadline: .seconds(3), maxStrikes: 1_000_000, endGrace: .milliseconds(200),
            maxPendingStdinBytes: cap)
        let launches = [
            WorkerLaunch(slot: 0, label: "deaf", runtime: .python, bundleDirectory: bundle, entry: "never_reads.py"),
            WorkerLaunch(slot: 1, label: "echo", runtime: .python, bundleDirectory: bundle, entry: "echo_bot.py"),
        ]
        let ticks = 5_000
        let run = try ResultBox<Backlog>.onThread {
            var run = Backlog()
            let group = try WorkerGroup(
                configuration: configuration, launches: launches, logger: SandboxTestEnvironment.logger)
            _ = group.start(hello: [:])
            for tick in 1...ticks {
                let observation = ProtocolFixtures.observation(tick: Int64(tick))
                var observations = [1: observation]
                if group.fault(of: 0) == nil { observations[0] = observation }
                let results = group.exchange(observations)
                if case .actions = results[1] { run.echoReplies += 1 }
                if tick == ticks / 2 { run.residentHalfway = Self.residentKiB() }
            }
            run.residentAtEnd = Self.residentKiB()
            run.reports = group.finish(end: [:])
            return run
        }
        let line = try BotProtocolCodec().encode(.observation(ProtocolFixtures.observation(tick: 1000))).count
        let fault = try #require(run.reports[0]?.fault, "the deaf bot was not faulted")
        #expect(fault.reason.code == FaultReason.stdinBacklog, "\(fault)")
        // It cannot be faulted before the cap is passed, nor long after: the pipe holds 64 KiB.
        let earliest = Int64(cap / line)
        let latest = Int64((cap + 65_536 + 2 * line) / line + 2)
        #expect(
            (earliest...latest).contains(fault.tick), "faulted at tick \(fault.tick), expected \(earliest)…\(latest)")
        #expect(run.reports[1]?.fault == nil, "\(String(describing: run.reports[1]?.fault))")
        #expect(run.echoReplies >= ticks / 2, "the echo bot answered \(run.echoReplies) of \(ticks) ticks")
        print(
            "stdin backlog: \(line) B observations, cap \(cap) B, faulted at tick \(fault.tick); "
                + "test process RSS \(run.residentHalfway) KiB at tick \(ticks / 2), \(run.residentAtEnd) KiB at \(ticks)"
        )
    }

    struct Backlog {
        var echoReplies = 0
        var residentHalfway = 0
        var residentAtEnd = 0
        var reports: [Int: WorkerReport] = [:]
    }

    static func residentKiB() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}
