import BotProtocol
import Foundation
import MarketModel
import Sandbox
import Testing

/// Host-side rules of the exchange, on plain processes (no root needed).
@Suite("Worker group behaviour", .serialized)
struct WorkerGroupBehaviourTests {
    static func group(_ fixtures: [(String, [String])], edit: (inout SandboxConfiguration) -> Void = { _ in })
        throws -> (WorkerGroup, [String])
    {
        let helper = try #require(SandboxTestEnvironment.helperPath)
        var configuration = PlainProcessTests.configuration(helper)
        edit(&configuration)
        var bundles: [String] = []
        var launches: [WorkerLaunch] = []
        for (slot, (entry, files)) in fixtures.enumerated() {
            let bundle = try SandboxTestEnvironment.bundle(files)
            bundles.append(bundle)
            launches.append(
                WorkerLaunch(slot: slot, label: "t\(slot)", runtime: .python, bundleDirectory: bundle, entry: entry))
        }
        return (try WorkerGroup(configuration: configuration, launches: launches), bundles)
    }

    @Test func staleRepliesAreDroppedAndTooManyActionsFault() throws {
        let (group, bundles) = try Self.group([("stale_reply.py", ["stale_reply.py", "attacklib.py"])])
        defer { bundles.forEach(SandboxTestEnvironment.removeBundle) }
        _ = group.start(hello: [0: ProtocolFixtures.hello()])
        for tick in 1...2 {
            let result = group.exchange([0: ProtocolFixtures.observation(tick: Int64(tick))])[0]
            #expect(result == .actions([.cancelAll(symbol: nil)], logs: ["tick \(tick)"]))
        }
        let third = group.exchange([0: ProtocolFixtures.observation(tick: 3)])[0]
        guard case .faulted(let reason) = third else {
            Issue.record("expected a fault, got \(String(describing: third))")
            return
        }
        #expect(reason.code == FaultReason.protocolViolation)
        #expect(reason.detail.contains("too_many_actions"))
        let report = group.finish(end: [:])[0]
        #expect(report?.fault?.tick == 3)
        #expect(report?.logLines == ["tick 1", "tick 2", "tick 3"])
    }

    @Test func slowBotsWaitInParallelNotInSeries() throws {
        let sleepers = (0..<4).map { _ in ("sleep_forever.py", ["sleep_forever.py", "attacklib.py"]) }
        let (group, bundles) = try Self.group(sleepers) { $0.maxStrikes = 10 }
        defer { bundles.forEach(SandboxTestEnvironment.removeBundle) }
        _ = group.start(hello: [:])
        var observations: [Int: Observation] = [:]
        for slot in 0..<4 { observations[slot] = ProtocolFixtures.observation(tick: 1) }
        _ = group.exchange(observations)
        for slot in 0..<4 { observations[slot] = ProtocolFixtures.observation(tick: 2) }
        let clock = ContinuousClock()
        let start = clock.now
        let results = group.exchange(observations)
        let elapsed = clock.now - start
        #expect(results.values.allSatisfy { $0 == .missed(strikes: 1) })
        #expect(elapsed < .milliseconds(900), "4 bots × 300 ms deadline took \(elapsed)")
        _ = group.finish(end: [:])
    }

    @Test func hostDecidedFaultKillsTheWorker() throws {
        let (group, bundles) = try Self.group([("echo_bot.py", ["echo_bot.py"]), ("echo_bot.py", ["echo_bot.py"])])
        defer { bundles.forEach(SandboxTestEnvironment.removeBundle) }
        _ = group.start(hello: [0: ProtocolFixtures.hello(), 1: ProtocolFixtures.hello()])
        let first = group.exchange([0: ProtocolFixtures.observation(tick: 1), 1: ProtocolFixtures.observation(tick: 1)])
        #expect(first.count == 2)
        group.fault(slot: 0, reason: FaultReason(code: FaultReason.hostDecision, detail: "too many invalid actions"))
        let second = group.exchange([
            0: ProtocolFixtures.observation(tick: 2), 1: ProtocolFixtures.observation(tick: 2),
        ])
        #expect(second[0] == .faulted(FaultReason(code: FaultReason.hostDecision, detail: "too many invalid actions")))
        #expect(second[1] == .actions([], logs: []))
        let reports = group.finish(end: [1: End(reason: "completed", finalEquity: "1")])
        #expect(reports[0]?.fault?.tick == 2 || reports[0]?.fault?.tick == 1)
        // Killed by the helper, or exited by itself on seeing its stdin close first.
        #expect(reports[0]?.exitStatus == .killed || reports[0]?.exitStatus == .exited(0))
        #expect(reports[1]?.fault == nil)
        #expect(reports[1]?.exitStatus == .exited(0))
    }

    @Test func logsAreCappedPerTeam() throws {
        let (group, bundles) = try Self.group([("stale_reply.py", ["stale_reply.py", "attacklib.py"])]) {
            $0.maxLogBytesPerTeam = 6
        }
        defer { bundles.forEach(SandboxTestEnvironment.removeBundle) }
        _ = group.start(hello: [:])
        for tick in 1...2 { _ = group.exchange([0: ProtocolFixtures.observation(tick: Int64(tick))]) }
        let report = group.finish(end: [:])[0]
        #expect(report?.logLines == ["tick 1"])
        #expect(report?.droppedLogLines == 1)
    }

    @Test func sdkHidesTheProtocol() throws {
        let (group, bundles) = try Self.group([("sdk_probe.py", ["sdk_probe.py"])])
        defer { bundles.forEach(SandboxTestEnvironment.removeBundle) }
        _ = group.start(hello: [0: ProtocolFixtures.hello(team: "probe")])
        let first = group.exchange([0: ProtocolFixtures.observation(tick: 1)])[0]
        let expected: [BotAction] = [
            .place(
                PlaceOrder(
                    symbol: "BTC-PERP", side: .buy, kind: .limit, price: "67250.0", quantity: "0.001",
                    timeInForce: .postOnly, clientID: 1)),
            .place(PlaceOrder(symbol: "BTC-PERP", side: .sell, kind: .market, price: nil, quantity: "0.002")),
            .cancel(symbol: "BTC-PERP", orderID: 5), .cancelAll(symbol: nil),
            .setLeverage(symbol: "BTC-PERP", leverage: 3),
        ]
        #expect(
            first
                == .actions(
                    expected,
                    logs: [
                        "hello probe 0.1",
                        "bid=Decimal('67250.0') ask=Decimal('67250.1') mid=Decimal('67250.05') pos=Decimal('0')",
                    ]))
        for tick in 2...4 {
            #expect(group.exchange([0: ProtocolFixtures.observation(tick: Int64(tick))])[0] == .actions([], logs: []))
        }
        let report = try #require(group.finish(end: [0: End(reason: "completed", finalEquity: "1")])[0])
        #expect(report.fault == nil)
        #expect(report.stderrTail.contains("print goes to stderr"))
        #expect(report.stderrTail.contains("TypeError: use Decimal or str"))
        #expect(report.stderrTail.contains("RuntimeError: bug in the bot"))
    }
}
