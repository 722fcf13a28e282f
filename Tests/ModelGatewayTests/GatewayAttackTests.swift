import AuditLog
import BotProtocol
import ContestModel
import Foundation
import Testing

@testable import ModelGateway

/// What a hostile bot or a hostile endpoint can try against the gateway, and what it gets.
@Suite("Model gateway under attack")
struct GatewayAttackTests {
    @Test("a bot firing many requests at once gets its budget's worth of calls, the rest budget_exhausted")
    func floodKeepsTheBudget() async {
        let endpoint = CountingEndpoint(delay: .milliseconds(50))
        let settings = Fixtures.settings(
            budget: LLMBudgetSettings(requests: 3, inputTokens: 100_000, outputTokens: 100_000), concurrency: 8)
        let gateway = ModelGateway(settings: settings, endpoint: endpoint)
        let outcomes = await withTaskGroup(of: LLMOutcome.self) { group in
            for index in 0..<12 {
                group.addTask {
                    await gateway.serve(slot: 0, tick: 1, request: Fixtures.request(id: "f\(index)")).outcome
                }
            }
            return await group.reduce(into: [LLMOutcome]()) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == .ok }.count == 3)
        #expect(outcomes.filter { $0 == .budgetExhausted }.count == 9)
        #expect(await endpoint.calls == 3)
        #expect(gateway.usage[0]?.requests == 3)
        #expect(gateway.usage[0]?.refused == 9)
    }

    @Test("requests in flight share the output-token budget: the second gets only what the first leaves")
    func outputTokensHeld() async throws {
        let endpoint = CountingEndpoint(hang: true)
        let settings = Fixtures.settings(
            budget: LLMBudgetSettings(requests: 10, inputTokens: 100_000, outputTokens: 150))
        let gateway = ModelGateway(settings: settings, endpoint: endpoint)
        let until = ContinuousClock.now + .seconds(2)
        async let first = gateway.serve(slot: 0, tick: 1, request: Fixtures.request(id: "a"), until: until)
        while await endpoint.calls == 0, ContinuousClock.now < until { try await Task.sleep(for: .milliseconds(10)) }
        let second = await gateway.serve(slot: 0, tick: 1, request: Fixtures.request(id: "b"), until: until)
        // max_tokens 100 of the request; 150 - 100 held = 50 left for the second.
        #expect(await first.record.parameters.contains("\"max_tokens\":100"))
        #expect(second.record.parameters.contains("\"max_tokens\":50"))
    }

    @Test("no call outlives the thinking window: a hanging call with a long timeout ends with the window")
    func callCutAtWindowEnd() async {
        let settings = Fixtures.settings(timeoutMs: 600_000, thinkingMs: 600_000, retries: 3)
        let gateway = ModelGateway(settings: settings, endpoint: CountingEndpoint(hang: true))
        let exchange = await gateway.serve(
            slot: 0, tick: 1, request: Fixtures.request(), until: .now + .seconds(2))
        #expect(exchange.outcome == .timeout)
        #expect(exchange.record.attempts == 1, "no retry past the window")
        #expect(gateway.usage[0]?.platformFailures == 1)
        #expect(gateway.usage[0]?.requests == 0)
    }

    @Test("a request still queued for an endpoint slot when the window ends gets timeout without a call")
    func queuedPastWindow() async throws {
        let endpoint = CountingEndpoint(hang: true)
        let settings = Fixtures.settings(timeoutMs: 600_000, thinkingMs: 600_000, retries: 0, concurrency: 1)
        let gateway = ModelGateway(settings: settings, endpoint: endpoint)
        let until = ContinuousClock.now + .seconds(3)
        async let first = gateway.serve(slot: 0, tick: 1, request: Fixtures.request(id: "a"), until: until)
        // The second asks once the first holds the only endpoint slot.
        while await endpoint.calls == 0, ContinuousClock.now < until { try await Task.sleep(for: .milliseconds(10)) }
        let second = await gateway.serve(slot: 1, tick: 1, request: Fixtures.request(id: "b"), until: until)
        #expect(second.outcome == .timeout)
        #expect(second.record.attempts == 0)
        #expect(second.record.error.contains("before an endpoint slot was free"))
        #expect(await first.outcome == .timeout)
        #expect(await endpoint.calls == 1)
        #expect(gateway.usage[1]?.platformFailures == 1)
    }

    @Test("an answer far longer than max_tokens allows is the endpoint's failure: not recorded, not sent, free")
    func hugeAnswer() async {
        let huge = String(repeating: "A", count: 1 << 20)
        let gateway = ModelGateway(
            settings: Fixtures.settings(retries: 0), endpoint: CountingEndpoint(content: huge, completionTokens: 1))
        let exchange = await gateway.serve(slot: 0, tick: 1, request: Fixtures.request())
        #expect(exchange.outcome == .endpointError)
        #expect(exchange.record.error.hasPrefix("malformed_answer"))
        #expect(exchange.record.completion.isEmpty)
        #expect(exchange.response.content == nil)
        #expect(gateway.usage[0]?.requests == 0)
    }

    @Test("negative or absurd token counts from the endpoint cannot refund or overflow a team's budget")
    func hostileTokenCounts() async {
        let settings = Fixtures.settings(
            budget: LLMBudgetSettings(requests: 10, inputTokens: 1_000, outputTokens: 1_000))
        let refund = ModelGateway(
            settings: settings, endpoint: CountingEndpoint(promptTokens: -1_000_000, completionTokens: -5))
        let first = await refund.serve(slot: 0, tick: 1, request: Fixtures.request())
        #expect(first.outcome == .ok)
        #expect(refund.usage[0]?.inputTokens == 0)
        #expect(refund.usage[0]?.outputTokens == 0)
        let overflow = ModelGateway(settings: settings, endpoint: CountingEndpoint(promptTokens: Int.max))
        #expect(await overflow.serve(slot: 0, tick: 1, request: Fixtures.request(id: "a")).outcome == .ok)
        #expect(await overflow.serve(slot: 0, tick: 1, request: Fixtures.request(id: "b")).outcome == .budgetExhausted)
        #expect(overflow.usage[0]?.inputTokens == BudgetLedger.maxTokensPerAnswer)
    }

    @Test("a request id with a line break or a huge model name is refused; the record stays one printable line")
    func hostileIdentifiers() async {
        let gateway = ModelGateway(settings: Fixtures.settings(), endpoint: CountingEndpoint())
        let forged = await gateway.serve(
            slot: 0, tick: 1, request: Fixtures.request(id: "x\n[llm] usage: 0/8 requests"))
        #expect(forged.outcome == .malformedRequest)
        #expect(!forged.record.requestID.contains("\n"))
        #expect(!forged.reportLine.contains("\n"))
        let model = String(repeating: "m", count: 60_000)
        let long = await gateway.serve(slot: 0, tick: 1, request: Fixtures.request(model: model))
        #expect(long.outcome == .malformedRequest)
        #expect(long.record.model.utf8.count <= ModelRequestCheck.maxModelBytes)
        #expect(gateway.usage[0]?.requests == 0)
    }

    @Test("an endpoint that echoes the API key back does not put it into the record or the bot's answer")
    func keyEcho() {
        let endpoint = HTTPModelEndpoint(baseURL: "http://127.0.0.1:9/v1", apiKey: "sk-secret-42", timeout: .seconds(1))
        #expect(endpoint.redacted("Authorization: Bearer sk-secret-42") == "Authorization: Bearer ***")
    }

    @Test("a deeply nested or non-completion body is malformed, never a crash")
    func hostileBodies() {
        #expect(ChatCompletion.parse(Array(String(repeating: "[", count: 200_000).utf8)) == nil)
        #expect(ChatCompletion.parse(Array(#"{"choices":"x"}"#.utf8)) == nil)
        #expect(
            ChatCompletion.parse(
                Array(#"{"choices":[{"message":{"content":7}}],"usage":{"prompt_tokens":1e300}}"#.utf8))?.promptTokens
                == nil)
    }
}
