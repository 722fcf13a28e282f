import ModelGateway

/// An endpoint answering `content` with the token counts it is told to report (a hostile
/// endpoint may report anything), after `delay`, or never (`hang`); counts its calls.
actor CountingEndpoint: ModelEndpoint {
    let content: String
    let promptTokens: Int?
    let completionTokens: Int?
    let delay: Duration
    let hang: Bool
    private(set) var calls = 0

    init(
        content: String = #"{"action":"hold"}"#, promptTokens: Int? = 10, completionTokens: Int? = 5,
        delay: Duration = .zero, hang: Bool = false
    ) {
        self.content = content
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.delay = delay
        self.hang = hang
    }

    func complete(_ request: ChatCompletionRequest) async throws(EndpointError) -> ChatCompletion {
        calls += 1
        if hang {
            while !Task.isCancelled { try? await Task.sleep(for: .seconds(3600)) }
            throw EndpointError(.timeout, "cancelled")
        }
        if delay > .zero { try? await Task.sleep(for: delay) }
        return ChatCompletion(
            content: content, model: request.model, promptTokens: promptTokens, completionTokens: completionTokens)
    }
}
