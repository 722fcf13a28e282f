public import BotProtocol

/// The team-side checks of a request before anything is spent on it.
public enum ModelRequestCheck {
    static let roles: Set<String> = ["system", "user", "assistant"]

    /// Why `request` is unusable, or nil.
    public static func problem(_ request: LLMRequest) -> String? {
        if request.id.isEmpty || request.id.utf8.count > 64 { return "id must be 1-64 characters" }
        if request.messages.isEmpty { return "messages is empty" }
        if request.messages.count > 64 { return "more than 64 messages" }
        if let bad = request.messages.first(where: { !roles.contains($0.role) }) {
            return "unknown role \(bad.role.prefix(32)) (system, user or assistant)"
        }
        if let maxTokens = request.maxTokens, maxTokens < 1 { return "max_tokens must be at least 1" }
        return nil
    }
}
