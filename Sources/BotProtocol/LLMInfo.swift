/// The contest's model terms, announced in `hello.llm` (absent when the contest has no models).
public struct LLMInfo: Codable, Sendable, Hashable {
    /// Models a bot may name in `llm_request.model` (the first is the default).
    public var models: [String]
    /// Observations that are decision points (`decision_point: true`) come every this many ticks.
    public var decisionInterval: Int
    /// Wall-clock time a bot has to answer a decision point (the market waits meanwhile).
    public var thinkingDeadlineMs: Int
    /// Completion-token cap per request.
    public var maxTokens: Int
    /// Requests per run.
    public var maxRequests: Int
    /// Prompt tokens per run.
    public var maxInputTokens: Int
    /// Completion tokens per run.
    public var maxOutputTokens: Int

    /// Creates the announcement.
    public init(
        models: [String], decisionInterval: Int, thinkingDeadlineMs: Int, maxTokens: Int, maxRequests: Int,
        maxInputTokens: Int, maxOutputTokens: Int
    ) {
        self.models = models
        self.decisionInterval = decisionInterval
        self.thinkingDeadlineMs = thinkingDeadlineMs
        self.maxTokens = maxTokens
        self.maxRequests = maxRequests
        self.maxInputTokens = maxInputTokens
        self.maxOutputTokens = maxOutputTokens
    }

    enum CodingKeys: String, CodingKey {
        case models
        case decisionInterval = "decision_interval"
        case thinkingDeadlineMs = "thinking_deadline_ms"
        case maxTokens = "max_tokens"
        case maxRequests = "max_requests"
        case maxInputTokens = "max_input_tokens"
        case maxOutputTokens = "max_output_tokens"
    }
}
