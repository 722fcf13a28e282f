import BotProtocol
import Foundation
import Sandbox
import Testing

/// Team uids are leased per worker from a host-wide pool: concurrent heats on one host never
/// share a uid, so RLIMIT_NPROC (per uid, host-wide) cannot let one team's bot stop another's.
@Suite("Team uid pool", .serialized)
struct TeamUIDPoolTests {
    /// A range no other suite uses, so "lowest free uid" is predictable here.
    static let uidBase: UInt32 = 64_000

    static func configuration(_ helper: String, uidBase: UInt32 = uidBase, uidCount: Int = 8) -> SandboxConfiguration {
        SandboxConfiguration(
            helperPath: helper, pythonSDKDirectory: SandboxTestEnvironment.sdkDirectory, isolation: .sandboxed,
            limits: ResourceLimits(memoryMiB: 256, pids: 16, cpuSeconds: 30, scratchMiB: 16),
            tickDeadline: .milliseconds(800), firstTickDeadline: .seconds(8), maxStrikes: 3, uidBase: uidBase,
            endGrace: .milliseconds(500), uidCount: uidCount)
    }

    static func launch(_ bundle: String, _ entry: String, slot: Int = 0) -> WorkerLaunch {
        WorkerLaunch(slot: slot, label: "t\(slot)", runtime: .python, bundleDirectory: bundle, entry: entry)
    }

    @Test func twoGroupsOnOneHostRunTheSameSlotUnderDifferentUIDs() throws {
        guard SandboxAttackTests.ready() else { return }
        let helper = try #require(SandboxTestEnvironment.helperPath)
        let bundle = try SandboxTestEnvironment.bundle(["echo_bot.py"])
        defer { SandboxTestEnvironment.removeBundle(bundle) }
        let first = try WorkerGroup(
            configuration: Self.configuration(helper), launches: [Self.launch(bundle, "echo_bot.py")],
            logger: SandboxTestEnvironment.logger)
        let second = try WorkerGroup(
            configuration: Self.configuration(helper), launches: [Self.launch(bundle, "echo_bot.py")],
            logger: SandboxTestEnvironment.logger)
        let firstUID = try #require(first.uid(slot: 0))
        let secondUID = try #require(second.uid(slot: 0))
        #expect(firstUID != secondUID)
        #expect((Self.uidBase..<Self.uidBase + 8).contains(firstUID))
        // A leased uid is never handed out again while its group lives…
        #expect(throws: SandboxError.self) {
            _ = try WorkerGroup(
                configuration: Self.configuration(helper, uidBase: firstUID, uidCount: 1),
                launches: [Self.launch(bundle, "echo_bot.py")], logger: SandboxTestEnvironment.logger)
        }
        _ = first.finish(end: [:])
        _ = second.finish(end: [:])
        // …and is free again once the group (and its helper) ended.
        let again = try WorkerGroup(
            configuration: Self.configuration(helper, uidBase: firstUID, uidCount: 1),
            launches: [Self.launch(bundle, "echo_bot.py")], logger: SandboxTestEnvironment.logger)
        #expect(again.uid(slot: 0) == firstUID)
        _ = again.finish(end: [:])
    }

    /// Issue 14: slot k of heat A forks up to its pids limit; slot k of heat B, started on the
    /// same host meanwhile, still starts, creates the threads it needs and answers every tick.
    /// (With one uid per slot number, heat B's bot inherited heat A's process count and could
    /// not start a thread: "can't start new thread".)
    @Test func aForkBombInOneHeatDoesNotStopTheSameSlotOfAnother() throws {
        guard SandboxAttackTests.ready() else { return }
        let helper = try #require(SandboxTestEnvironment.helperPath)
        let bomb = try SandboxTestEnvironment.bundle(["fork_bomb.py", "attacklib.py"])
        let honest = try SandboxTestEnvironment.bundle(["echo_bot.py", "needs_threads.py", "attacklib.py"])
        defer { [bomb, honest].forEach(SandboxTestEnvironment.removeBundle) }
        let slot = 1
        let configuration = Self.configuration(helper)
        let run = try ResultBox<TwoHeats>.onThread {
            var run = TwoHeats()
            let heatA = try WorkerGroup(
                configuration: configuration,
                launches: [Self.launch(honest, "echo_bot.py", slot: 0), Self.launch(bomb, "fork_bomb.py", slot: slot)],
                logger: SandboxTestEnvironment.logger)
            _ = heatA.start(hello: [:])
            for tick in 1...3 {
                let observation = ProtocolFixtures.observation(tick: Int64(tick))
                _ = heatA.exchange([0: observation, slot: observation])
            }
            // The bomb's children are alive now (they sleep 30 s), at its uid's limit.
            run.bombProcesses = heatA.teamProcesses(slot: slot).count
            let heatB = try WorkerGroup(
                configuration: configuration,
                launches: [
                    Self.launch(honest, "echo_bot.py", slot: 0), Self.launch(honest, "needs_threads.py", slot: slot),
                ],
                logger: SandboxTestEnvironment.logger)
            run.started = heatB.start(hello: [:])[slot]
            for tick in 1...5 {
                let observation = ProtocolFixtures.observation(tick: Int64(tick))
                if case .actions = heatB.exchange([0: observation, slot: observation])[slot] { run.replies += 1 }
            }
            run.uids = [heatA.uid(slot: slot), heatB.uid(slot: slot)]
            run.reportsB = heatB.finish(end: [:])
            run.reportsA = heatA.finish(end: [:])
            return run
        }
        let (bombProcesses, started, replies, uids, reportsA, reportsB) = (
            run.bombProcesses, run.started, run.replies, run.uids, run.reportsA, run.reportsB
        )
        let forkResult = reportsA[slot]?.logLines.first { $0.hasPrefix("RESULT fork") } ?? ""
        #expect(forkResult.contains("stopped after"), "the bomb did not reach its limit: \(forkResult)")
        #expect(bombProcesses >= 14, "bomb processes at its uid: \(bombProcesses)")
        #expect(uids[0] != nil && uids[0] != uids[1], "same uid for slot \(slot) of both heats: \(uids)")
        #expect(started == .actions([], logs: []), "heat B slot \(slot) did not start: \(String(describing: started))")
        #expect(replies == 5, "heat B slot \(slot) answered \(replies) of 5 ticks")
        #expect(reportsB[slot]?.fault == nil, "heat B slot \(slot): \(String(describing: reportsB[slot]?.fault))")
        #expect(
            reportsB[slot]?.logLines.contains("RESULT threads started 4") == true,
            "heat B slot \(slot): \(reportsB[slot]?.logLines ?? []) \(reportsB[slot]?.stderrTail ?? "")")
    }

    struct TwoHeats {
        var bombProcesses = 0
        var started: WorkerTickResult?
        var replies = 0
        var uids: [UInt32?] = []
        var reportsA: [Int: WorkerReport] = [:]
        var reportsB: [Int: WorkerReport] = [:]
    }
}
