import BotProtocol
import Foundation
import Sandbox

/// Drives a WorkerGroup like the contest runner does: start, N ticks, finish.
struct TestContest {
    var configuration: SandboxConfiguration
    var launches: [WorkerLaunch]
    var ticks: Int

    struct Outcome {
        var results: [Int: [WorkerTickResult]] = [:]
        var reports: [Int: WorkerReport] = [:]
        var seconds: Double = 0
        var groupID = ""
        /// The team uid each slot ran as (sandboxed mode).
        var uids: [Int: UInt32] = [:]

        func faultCode(_ slot: Int) -> String? { reports[slot]?.fault?.reason.code }
        func replies(_ slot: Int) -> Int {
            results[slot, default: []].filter { if case .actions = $0 { true } else { false } }.count
        }
    }

    /// Runs the contest on the current thread (tests call it from a dedicated thread).
    func run() throws -> Outcome {
        let group = try WorkerGroup(
            configuration: configuration, launches: launches, logger: SandboxTestEnvironment.logger)
        let clock = ContinuousClock()
        let started = clock.now
        var outcome = Outcome()
        outcome.groupID = group.groupID
        for launch in launches { outcome.uids[launch.slot] = group.uid(slot: launch.slot) }
        var hello: [Int: Hello] = [:]
        for launch in launches { hello[launch.slot] = ProtocolFixtures.hello(team: launch.label, ticks: ticks) }
        _ = group.start(hello: hello)
        for tick in 1...max(1, ticks) {
            var observations: [Int: Observation] = [:]
            for launch in launches where group.fault(of: launch.slot) == nil {
                observations[launch.slot] = ProtocolFixtures.observation(tick: Int64(tick))
            }
            if observations.isEmpty { break }
            for (slot, result) in group.exchange(observations) { outcome.results[slot, default: []].append(result) }
        }
        var end: [Int: End] = [:]
        for launch in launches { end[launch.slot] = End(reason: "completed", finalEquity: "10000") }
        outcome.reports = group.finish(end: end)
        outcome.seconds =
            Double((clock.now - started).components.attoseconds) / 1e18
            + Double((clock.now - started).components.seconds)
        return outcome
    }

    /// Runs on a fresh thread, as production does, and waits for it.
    func runOnThread() throws -> Outcome {
        try ResultBox<Outcome>.onThread { try run() }
    }
}
