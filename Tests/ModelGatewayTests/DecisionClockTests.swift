import AuditLog
import BotProtocol
import ContestModel
import HeatRunner
import HeatRunnerTestSupport
import ModelGateway
import Sandbox
import Testing

@Suite("Decision points: a market clock that waits for thinking")
struct DecisionClockTests {
    // Scripted agents: their thinking time is compared with the window's deadline, not slept; the
    // window is long so a starved test machine never cuts the gateway's calls. The same point
    // with real processes and real time (5 s window, a stub answering in 2 s) is in
    // EndToEndAcceptanceTests.
    @Test("thinking deadline longer than the agents' thinking: no decision missed, the simulated clock has no gap")
    func noMissedDecision() async throws {
        let heat = AgentHeat(ticks: 10, thinkingTime: .seconds(2))
        let (outcome, bots) = try await heat.run()
        #expect(try outcome.timeouts().isEmpty)
        let exchanges = try outcome.modelExchanges()
        // Decision points at loop indices 0, 3, 6, 9: one exchange per agent at each.
        #expect(exchanges.count == 8)
        #expect(exchanges.allSatisfy { $0.record.outcome == "ok" })
        #expect(Set(exchanges.map(\.record.tick)).count == 4)
        #expect(bots.thinkingWindows == Array(repeating: .seconds(120), count: 4))
        for slot in [0, 1, 2] {
            let observations = bots.observations(of: slot)
            #expect(observations.count == 10, "every bot saw every tick")
            let times = observations.map(\.timeMs)
            let steps = Set(zip(times.dropFirst(), times).map { $0 - $1 })
            #expect(steps.count == 1, "simulated time advances by exactly one tick per observation")
            let points = observations.enumerated().filter { $0.element.decisionPoint == true }.map(\.offset)
            #expect(points == [0, 3, 6, 9])
        }
        #expect(outcome.reports[1]?.logLines.contains { $0.hasPrefix("[llm] tick") && $0.contains(": ok") } == true)
        #expect(outcome.reports[1]?.logLines.contains { $0.hasPrefix("[llm] usage: 4/") } == true)
        #expect(outcome.reports[0]?.logLines.contains { $0.hasPrefix("[llm]") } == false)
    }

    @Test("an agent thinking past the deadline misses that decision point (a strike), the market goes on")
    func overDeadline() async throws {
        let heat = AgentHeat(ticks: 4, thinkingTime: .seconds(121))
        let (outcome, bots) = try await heat.run()
        // Decision points at indices 0 and 3; both agents miss both.
        #expect(try outcome.timeouts().count == 4)
        #expect(bots.observations(of: 0).count == 4)
        #expect(outcome.transcript.tickCount == 4)
    }

    @Test("a hanging endpoint: the agent gets a recorded timeout and the contest completes")
    func hangingEndpoint() async throws {
        var heat = AgentHeat(ticks: 4, thinkingTime: .milliseconds(200))
        heat.settings = Fixtures.settings(timeoutMs: 100, retries: 0, interval: 3)
        heat.endpoint = StubModel(behavior: .hang)
        let (outcome, _) = try await heat.run()
        let exchanges = try outcome.modelExchanges()
        #expect(exchanges.count == 4)
        #expect(exchanges.allSatisfy { $0.record.outcome == "timeout" })
        #expect(try outcome.timeouts().isEmpty, "the agent answered with its fallback in time")
        #expect(outcome.transcript.tickCount == 4)
        #expect(outcome.reports[2]?.logLines.contains { $0.contains("timeout") } == true)
        #expect(outcome.reports[2]?.logLines.contains { $0.contains("2 platform failures (not charged)") } == true)
    }

    @Test("budget exhaustion mid-run is recorded and reported; the run completes")
    func budget() async throws {
        var heat = AgentHeat(ticks: 10, thinkingTime: .zero)
        heat.settings = Fixtures.settings(budget: .init(requests: 2, inputTokens: 100_000, outputTokens: 100_000))
        let (outcome, _) = try await heat.run()
        let outcomes = try outcome.modelExchanges().filter { $0.slot == 1 }.map(\.record.outcome)
        #expect(outcomes == ["ok", "ok", "budget_exhausted", "budget_exhausted"])
        #expect(outcome.reports[1]?.logLines.contains { $0.contains("request budget used up (2/2)") } == true)
        #expect(outcome.transcript.tickCount == 10)
    }
}
