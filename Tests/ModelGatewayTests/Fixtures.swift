import BotProtocol
import ContestModel
import ModelGateway

/// Shared settings and requests of the gateway tests.
enum Fixtures {
    static func settings(
        models: [String] = ["stub-trader"], budget: LLMBudgetSettings = .init(), timeoutMs: Int = 2_000,
        thinkingMs: Int = 120_000, retries: Int = 1, interval: Int = 3, concurrency: Int = 4, redact: Bool = false
    ) -> LLMSettings {
        LLMSettings(
            endpoint: "http://127.0.0.1:9/v1", models: models, decisionInterval: interval,
            thinkingDeadlineMilliseconds: thinkingMs, timeoutMilliseconds: timeoutMs, retries: retries,
            concurrency: concurrency, maxTokens: 200, budget: budget, redactPrompts: redact)
    }

    static func request(id: String = "r1", model: String? = nil, prompt: String = "mark=101 sma=100")
        -> LLMRequest
    {
        LLMRequest(
            id: id, model: model,
            messages: [
                LLMChatMessage(role: "system", content: "You trade BTC-PERP. Answer JSON."),
                LLMChatMessage(role: "user", content: prompt),
            ], maxTokens: 100)
    }
}

/// An endpoint that fails a given number of times, then answers like the stub.
actor FlakyEndpoint: ModelEndpoint {
    private var failures: Int
    private(set) var calls = 0

    init(failures: Int) { self.failures = failures }

    func complete(_ request: ChatCompletionRequest) async throws(EndpointError) -> ChatCompletion {
        calls += 1
        if failures > 0 {
            failures -= 1
            throw EndpointError(.status, "HTTP 503")
        }
        return try await StubModel().complete(request)
    }
}
