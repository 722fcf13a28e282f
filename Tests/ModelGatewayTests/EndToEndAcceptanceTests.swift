import AuditLog
import ContestModel
import Foundation
import HeatRunner
import ModelGateway
import Sandbox
import Testing

/// The acceptance points with real processes: the Seeds llm-agent in workers, the built
/// `arena-model-stub` over HTTP in its slow, hanging and malformed modes, the production gateway.
extension EndToEndTests {
    /// Every tick record's number, in order, and the tick each recorded exchange was asked at
    /// next to the tick whose record holds it.
    static func ticks(_ outcome: HeatOutcome) throws -> (ticks: [Int64], exchanges: [(asked: Int64, held: Int64)]) {
        let records = try Transcript.decode(outcome.transcript.bytes).records
        let exchanges = records.flatMap { record in
            record.inputs.compactMap { input -> (Int64, Int64)? in
                if case .modelExchange(_, let exchange) = input { return (exchange.tick, record.tick) }
                return nil
            }
        }
        return (records.map(\.tick), exchanges)
    }

    @Test("thinking deadline 5 s, the stub answering in 2 s: no decision missed, no gap in the simulated clock")
    func slowModel() async throws {
        let stub = try await StubServerProcess(port: 18_174, arguments: ["--delay", "2s"])
        defer { stub.stop() }
        let url = stub.baseURL
        let outcome = try await DedicatedThread.run {
            try Self.heat(endpoint: url, ticks: 21) { $0.timeoutMilliseconds = 4_000 }
        }
        let exchanges = try outcome.modelExchanges()
        // Decision points at ticks 0, 10 and 20; both agents answered at each, after the stub's 2 s.
        #expect(exchanges.map(\.slot).sorted() == [0, 0, 0, 1, 1, 1])
        #expect(exchanges.allSatisfy { $0.record.outcome == "ok" && $0.record.latencyMs >= 2_000 })
        #expect(try outcome.timeouts().isEmpty, "no bot missed a tick, at a decision point or between")
        let (ticks, asked) = try Self.ticks(outcome)
        #expect(ticks == Array(0...20).map { Int64($0) } || ticks == Array(1...21).map { Int64($0) })
        #expect(asked.allSatisfy { $0.asked == $0.held }, "each exchange is an input of its own decision point")
        #expect(outcome.reports.values.allSatisfy { $0.fault == nil })
    }

    @Test("a hanging stub: every agent gets a recorded timeout, falls back, and the run completes")
    func hangingModel() async throws {
        let stub = try await StubServerProcess(port: 18_175, arguments: ["--hang"])
        defer { stub.stop() }
        let url = stub.baseURL
        let outcome = try await DedicatedThread.run {
            try Self.heat(endpoint: url, ticks: 12) {
                $0.timeoutMilliseconds = 500
                $0.thinkingDeadlineMilliseconds = 3_000
            }
        }
        let exchanges = try outcome.modelExchanges()
        #expect(exchanges.count == 4)
        #expect(exchanges.allSatisfy { $0.record.outcome == "timeout" })
        #expect(outcome.transcript.tickCount == 12)
        #expect(try outcome.timeouts().isEmpty)
        let logs = outcome.reports[1]?.logLines ?? []
        #expect(logs.contains { $0.contains("model timeout") && $0.contains("fallback") })
        #expect(logs.contains { $0.hasPrefix("[llm] tick") && $0.contains(": timeout model stub-trader") })
        #expect(logs.contains { $0.contains("2 platform failures (not charged)") })
    }

    @Test("malformed answers and an exhausted budget: readable lines in the team's report, the run completes")
    func malformedAndBudget() async throws {
        let stub = try await StubServerProcess(port: 18_176, arguments: ["--malformed"])
        defer { stub.stop() }
        let url = stub.baseURL
        let outcome = try await DedicatedThread.run {
            try Self.heat(endpoint: url, ticks: 21) {
                $0.budget = LLMBudgetSettings(requests: 2, inputTokens: 100_000, outputTokens: 100_000)
            }
        }
        let outcomes = try outcome.modelExchanges().filter { $0.slot == 0 }.map(\.record.outcome)
        #expect(outcomes == ["ok", "ok", "budget_exhausted"])
        let logs = outcome.reports[0]?.logLines ?? []
        #expect(logs.contains { $0.hasPrefix("model answer unusable, fallback: I think the market") })
        #expect(logs.contains { $0.contains("model budget_exhausted (request budget used up (2/2)), fallback") })
        #expect(logs.contains { $0.hasPrefix("[llm] usage: 2/2 requests") && $0.contains("1 refused") })
        #expect(outcome.transcript.tickCount == 21)
        #expect(outcome.reports.values.allSatisfy { $0.fault == nil })
    }

    @Test("a bot flooding llm_request lines: 16 reach the gateway per decision point, the rest are refused")
    func flood() async throws {
        let stub = try await StubServerProcess(port: 18_177)
        defer { stub.stop() }
        let url = stub.baseURL
        let bundle = try FloodBot.write()
        defer { try? FileManager.default.removeItem(atPath: bundle) }
        let outcome = try await DedicatedThread.run {
            try Self.heat(endpoint: url, ticks: 11, bots: [bundle, "llm-agent"]) {
                $0.budget = LLMBudgetSettings(requests: 100, inputTokens: 1_000_000, outputTokens: 1_000_000)
            }
        }
        let exchanges = try outcome.modelExchanges()
        // Two decision points (ticks 0 and 10): 16 gateway exchanges each for the flooder.
        #expect(exchanges.filter { $0.slot == 0 }.count == 32)
        #expect(exchanges.filter { $0.slot == 1 }.allSatisfy { $0.record.outcome == "ok" })
        let logs = outcome.reports[0]?.logLines ?? []
        #expect(logs.contains { $0.contains("ok=16") && $0.contains("malformed_request=24") })
        #expect(outcome.reports.values.allSatisfy { $0.fault == nil })
    }
}
