/// bot → host, at a decision point: ask the contest's model gateway for one chat completion.
///
/// `{"type":"llm_request","id":"r1","model":"stub-trader","messages":[{"role":"user","content":"…"}],
/// "max_tokens":200}`. The host answers with one `llm_response` carrying the same `id`. Sampling
/// parameters are fixed by the contest; `max_tokens` may only lower the contest's cap.
public struct LLMRequest: Codable, Sendable, Hashable {
    /// The bot's id for this request (1-64 characters), echoed in the response.
    public var id: String
    /// One of the contest's allowed models; absent = the contest's first model.
    public var model: String?
    /// The conversation, oldest first.
    public var messages: [LLMChatMessage]
    /// Upper bound on completion tokens (clamped to the contest's `max_tokens`).
    public var maxTokens: Int?

    /// Creates a request.
    public init(id: String, model: String? = nil, messages: [LLMChatMessage], maxTokens: Int? = nil) {
        self.id = id
        self.model = model
        self.messages = messages
        self.maxTokens = maxTokens
    }

    enum CodingKeys: String, CodingKey {
        case id, model, messages
        case maxTokens = "max_tokens"
    }
}
