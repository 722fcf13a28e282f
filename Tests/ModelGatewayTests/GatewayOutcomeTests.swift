import AuditLog
import BotProtocol
import ContestModel
import ModelGateway
import Testing

@Suite("Model gateway outcomes")
struct GatewayOutcomeTests {
    @Test("an allowed request is answered with the model's decision, its usage and a full transcript record")
    func answered() async {
        let gateway = ModelGateway(settings: Fixtures.settings(), endpoint: StubModel())
        let exchange = await gateway.serve(slot: 1, tick: 7, request: Fixtures.request())
        #expect(exchange.outcome == .ok)
        #expect(exchange.response.content?.contains("\"action\":\"long\"") == true)
        #expect(exchange.response.usage.map { $0.inputTokens > 0 && $0.outputTokens > 0 } == true)
        #expect(exchange.record.tick == 7)
        #expect(exchange.record.model == "stub-trader")
        #expect(exchange.record.prompt.contains("mark=101 sma=100"))
        #expect(exchange.record.completion == exchange.response.content)
        #expect(exchange.record.parameters == #"{"max_tokens":100,"temperature":0,"top_p":1}"#)
        #expect(gateway.usage[1]?.requests == 1)
    }

    @Test("a model the contest does not allow is refused, recorded and not charged")
    func modelNotAllowed() async {
        let gateway = ModelGateway(settings: Fixtures.settings(), endpoint: StubModel())
        let exchange = await gateway.serve(slot: 0, tick: 1, request: Fixtures.request(model: "gpt-9"))
        #expect(exchange.outcome == .modelNotAllowed)
        #expect(exchange.response.error?.contains("stub-trader") == true)
        #expect(gateway.usage[0]?.requests == 0)
        #expect(gateway.usage[0]?.refused == 1)
    }

    @Test("a request with no messages or an unknown role is malformed")
    func malformedRequest() async {
        let gateway = ModelGateway(settings: Fixtures.settings(), endpoint: StubModel())
        let empty = await gateway.serve(slot: 0, tick: 1, request: LLMRequest(id: "a", messages: []))
        let role = await gateway.serve(
            slot: 0, tick: 1, request: LLMRequest(id: "b", messages: [LLMChatMessage(role: "tool", content: "x")]))
        #expect(empty.outcome == .malformedRequest)
        #expect(role.outcome == .malformedRequest)
        #expect(role.response.error?.contains("tool") == true)
    }

    @Test("the request budget runs out: budget_exhausted, and other teams keep theirs")
    func budgetExhausted() async {
        let settings = Fixtures.settings(
            budget: LLMBudgetSettings(requests: 2, inputTokens: 100_000, outputTokens: 100_000))
        let gateway = ModelGateway(settings: settings, endpoint: StubModel())
        var outcomes: [LLMOutcome] = []
        for index in 0..<3 {
            outcomes.append(await gateway.serve(slot: 0, tick: 1, request: Fixtures.request(id: "r\(index)")).outcome)
        }
        #expect(outcomes == [.ok, .ok, .budgetExhausted])
        #expect(await gateway.serve(slot: 1, tick: 1, request: Fixtures.request()).outcome == .ok)
        let last = await gateway.serve(slot: 0, tick: 2, request: Fixtures.request(id: "r9"))
        #expect(last.record.error.contains("request budget used up (2/2)"))
    }

    @Test("an input-token budget smaller than the prompt refuses it before calling the endpoint")
    func inputBudget() async {
        let settings = Fixtures.settings(budget: LLMBudgetSettings(requests: 10, inputTokens: 5, outputTokens: 1_000))
        let gateway = ModelGateway(settings: settings, endpoint: StubModel())
        let exchange = await gateway.serve(slot: 0, tick: 1, request: Fixtures.request())
        #expect(exchange.outcome == .budgetExhausted)
        #expect(exchange.record.error.contains("input-token budget"))
    }

    @Test("a failing endpoint is retried without charging the team; a success after a retry counts once")
    func retriedPlatformFailure() async {
        let flaky = FlakyEndpoint(failures: 1)
        // A generous thinking window: the test counts retries; a starved machine must not leave no room for one.
        let gateway = ModelGateway(settings: Fixtures.settings(thinkingMs: 600_000, retries: 1), endpoint: flaky)
        let exchange = await gateway.serve(slot: 0, tick: 1, request: Fixtures.request())
        #expect(exchange.outcome == .ok)
        #expect(exchange.record.attempts == 2)
        #expect(await flaky.calls == 2)
        #expect(gateway.usage[0]?.requests == 1)
        #expect(gateway.usage[0]?.platformFailures == 0)
    }

    @Test("an endpoint that keeps failing gives endpoint_error, counted as a platform failure, not charged")
    func endpointError() async {
        let gateway = ModelGateway(
            settings: Fixtures.settings(thinkingMs: 600_000, retries: 2), endpoint: StubModel(behavior: .error))
        let exchange = await gateway.serve(slot: 3, tick: 1, request: Fixtures.request())
        #expect(exchange.outcome == .endpointError)
        #expect(exchange.outcome.isPlatformFailure)
        #expect(exchange.record.attempts == 3)
        #expect(gateway.usage[3]?.requests == 0)
        #expect(gateway.usage[3]?.platformFailures == 1)
    }

    @Test("a hanging endpoint gives a recorded timeout")
    func hangingEndpoint() async {
        let gateway = ModelGateway(
            settings: Fixtures.settings(timeoutMs: 100, retries: 0), endpoint: StubModel(behavior: .hang))
        let exchange = await gateway.serve(slot: 0, tick: 4, request: Fixtures.request())
        #expect(exchange.outcome == .timeout)
        #expect(exchange.record.outcome == "timeout")
        #expect(exchange.response.content == nil)
    }

    @Test("an endpoint that is down (connection refused) gives endpoint_error through the real HTTP client")
    func endpointDown() async {
        let settings = Fixtures.settings(retries: 0)
        let endpoint = HTTPModelEndpoint(baseURL: "http://127.0.0.1:9/v1", apiKey: nil, timeout: .seconds(2))
        let exchange = await ModelGateway(settings: settings, endpoint: endpoint).serve(
            slot: 0, tick: 1, request: Fixtures.request())
        #expect(exchange.outcome == .endpointError)
        #expect(exchange.record.error.hasPrefix("unreachable"))
    }

    @Test("a malformed answer reaches the bot as it is (the agent's fallback decides), recorded in full")
    func malformedAnswer() async {
        let gateway = ModelGateway(settings: Fixtures.settings(), endpoint: StubModel(behavior: .malformed))
        let exchange = await gateway.serve(slot: 0, tick: 1, request: Fixtures.request())
        #expect(exchange.outcome == .ok)
        #expect(exchange.record.completion.contains("not JSON"))
    }

    @Test("with redact_prompts the record keeps the prompt's SHA-256, the team's report the prompt")
    func redaction() async {
        let gateway = ModelGateway(settings: Fixtures.settings(redact: true), endpoint: StubModel())
        let exchange = await gateway.serve(slot: 0, tick: 1, request: Fixtures.request())
        #expect(exchange.record.prompt.hasPrefix("sha256:"))
        #expect(!exchange.record.prompt.contains("mark="))
        #expect(exchange.prompt.contains("mark=101"))
        #expect(exchange.record.prompt == ModelGateway.hash(exchange.prompt))
    }
}
