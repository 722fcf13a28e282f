import AuditLog
import BotProtocol
import HeatRunner
import HeatRunnerTestSupport
import MarketEngine
import MarketModel
import Sandbox
import Testing

@Suite("Faults")
struct FaultTests {
    static let crash = FaultReason(code: FaultReason.protocolViolation, detail: "line is not JSON")

    @Test("a faulted bot is closed out: flat, no more observations, fault recorded; the others go on")
    func faultedBotIsClosedOut() throws {
        let heat = ScriptedHeat(ticks: 12)
        let script = WorkerScript(
            replies: [
                0: [
                    1: .actions([Actions.buy("0.05", clientID: 1), Actions.bid(price: "58000", clientID: 2)]),
                    5: .faulted(Self.crash),
                ],
                1: [1: .actions([Actions.buy("0.02", clientID: 3)])],
            ])
        let (outcome, bots) = try heat.run(script)

        let before = try #require(bots.observations(of: 0).last)
        #expect(before.tick == 5)
        #expect(!before.account.positions.isEmpty, "the bot held a position when it faulted")
        #expect(!before.account.openOrders.isEmpty, "and a resting order")

        let inputs = try outcome.inputs(tick: 5)
        let fault = try #require(
            inputs.firstIndex(of: .fault(slot: 0, code: Self.crash.code, message: Self.crash.detail)))
        let account = try #require(outcome.team(0)?.account)
        #expect(inputs.dropFirst(fault + 1).first == .command(origin: .system(slot: 0), .closeOut(account: account)))

        let end = try #require(try outcome.replayedExchange().account(account))
        #expect(end.positions.allSatisfy { $0.size.lots == 0 }, "flat after the close-out")
        #expect(end.openOrders.isEmpty)
        #expect(outcome.team(0)?.faulted == true)
        #expect(outcome.reports[0]?.fault == WorkerFault(reason: Self.crash, tick: 5))
        #expect(bots.observations(of: 0).map(\.tick) == Array(0...5), "no observation after the fault")
        #expect(bots.ends?[0] != nil, "end is still addressed to every slot")

        for slot in [1, 2] {
            #expect(bots.observations(of: slot).map(\.tick) == Array(0..<12), "slot \(slot) goes on")
            #expect(outcome.team(slot)?.faulted == false)
        }
        #expect(outcome.equityCurves[0]?.count == heat.ticks + 1, "the faulted team's curve runs to the end")
    }

    @Test("a bot that fails to start is faulted at tick 0 and never observes")
    func startFailure() throws {
        let reason = FaultReason(code: FaultReason.startFailed, detail: "no such runtime")
        let (outcome, bots) = try ScriptedHeat().run(WorkerScript(startFaults: [1: reason]))
        #expect(try outcome.inputs(tick: 0).contains(.fault(slot: 1, code: reason.code, message: reason.detail)))
        #expect(bots.observations(of: 1).isEmpty)
        #expect(bots.hellos[1] == nil)
        #expect(bots.hellos[0]?.team == "team-0")
        #expect(outcome.reports[1]?.fault == WorkerFault(reason: reason, tick: 0))
        #expect(outcome.team(1)?.faulted == true)
        #expect(bots.observations(of: 0).count == 12)
    }
}
