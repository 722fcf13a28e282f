/// One chat message of an `llm_request`: `{"role":"system"|"user"|"assistant","content":"..."}`.
public struct LLMChatMessage: Codable, Sendable, Hashable {
    /// `system`, `user` or `assistant`.
    public var role: String
    /// The text.
    public var content: String

    /// Creates a message.
    public init(role: String, content: String) {
        self.role = role
        self.content = content
    }
}
