import AuditLog
import BotProtocol
import HeatRunner
import HeatRunnerTestSupport
import Sandbox
import Testing

@Suite("Deadlines and strikes")
struct DeadlineTests {
    @Test("a missed tick is recorded as a timeout with the consecutive strike count; a reply resets it")
    func missedTicksAreTimeouts() throws {
        let heat = ScriptedHeat(maxStrikes: 3)
        let (outcome, bots) = try heat.run(
            WorkerScript(replies: [1: [2: .missed, 3: .missed, 4: .idle, 6: .missed]]))
        #expect(try outcome.inputs(tick: 2).contains(.timeout(slot: 1, strikes: 1)))
        #expect(try outcome.inputs(tick: 3).contains(.timeout(slot: 1, strikes: 2)))
        #expect(try outcome.inputs(tick: 6).contains(.timeout(slot: 1, strikes: 1)), "the reply at tick 4 reset it")
        let timeouts = try outcome.records().flatMap(\.inputs).filter {
            if case .timeout = $0 { return true }
            return false
        }
        #expect(timeouts.count == 3)
        #expect(outcome.team(1)?.strikes == 3)
        #expect(outcome.team(1)?.faulted == false)
        #expect(outcome.reports[1]?.strikes == 3)
        #expect(outcome.reports[1]?.fault == nil)
        #expect(bots.observations(of: 1).count == heat.ticks, "a slow bot still gets every tick")
    }

    @Test("maxStrikes misses in a row fault the bot with deadline_strikes and close it out")
    func strikesFault() throws {
        let heat = ScriptedHeat(maxStrikes: 3)
        let (outcome, bots) = try heat.run(WorkerScript(replies: [2: [5: .missed, 6: .missed, 7: .missed]]))
        #expect(try outcome.inputs(tick: 5).contains(.timeout(slot: 2, strikes: 1)))
        #expect(try outcome.inputs(tick: 6).contains(.timeout(slot: 2, strikes: 2)))
        let third = try outcome.inputs(tick: 7)
        #expect(!third.contains { if case .timeout = $0 { return true } else { return false } })
        #expect(
            third.contains {
                if case .fault(2, FaultReason.deadlineStrikes, _) = $0 { return true } else { return false }
            })
        #expect(outcome.reports[2]?.fault?.reason.code == FaultReason.deadlineStrikes)
        #expect(outcome.reports[2]?.fault?.tick == 7)
        #expect(bots.observations(of: 2).map(\.tick) == Array(0...7))
        #expect(outcome.team(2)?.faulted == true)
        #expect(outcome.team(2)?.strikes == 2)
    }
}
