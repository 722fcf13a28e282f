/// An OpenAI-compatible chat-completions endpoint, as the gateway sees it. The production
/// implementation is ``HTTPModelEndpoint``; ``StubModel`` answers in-process (tests, offline
/// backtests) and behind `arena-model-stub`.
public protocol ModelEndpoint: Sendable {
    /// One completion. Throws ``EndpointError`` for platform-side failures (the gateway applies
    /// the contest's timeout around the call and retries when the contest allows).
    func complete(_ request: ChatCompletionRequest) async throws(EndpointError) -> ChatCompletion
}
