/// host → bot: the answer to one `llm_request` (same `id`).
///
/// `{"type":"llm_response","id":"r1","outcome":"ok","model":"stub-trader","content":"{…}",
/// "usage":{"input_tokens":120,"output_tokens":40}}`; on failure `content` is absent and `error`
/// says why (`outcome` is one of ``LLMOutcome``).
public struct LLMResponse: Codable, Sendable, Hashable {
    /// The request's id.
    public var id: String
    /// ``LLMOutcome`` raw value.
    public var outcome: String
    /// The model that answered (or was asked).
    public var model: String?
    /// The completion text (outcome `ok` only).
    public var content: String?
    /// Tokens charged to the team.
    public var usage: LLMUsage?
    /// A readable reason when the outcome is not `ok`.
    public var error: String?

    /// Creates a response.
    public init(
        id: String, outcome: LLMOutcome, model: String? = nil, content: String? = nil, usage: LLMUsage? = nil,
        error: String? = nil
    ) {
        self.id = id
        self.outcome = outcome.rawValue
        self.model = model
        self.content = content
        self.usage = usage
        self.error = error
    }
}
