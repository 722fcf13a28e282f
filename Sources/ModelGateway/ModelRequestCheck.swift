public import BotProtocol

/// The team-side checks of a request before anything is spent on it.
public enum ModelRequestCheck {
    static let roles: Set<String> = ["system", "user", "assistant"]
    /// Longest model name a request may ask for (the contest's names are at most 128 characters).
    public static let maxModelBytes = 128

    /// Why `request` is unusable, or nil.
    public static func problem(_ request: LLMRequest) -> String? {
        if request.id.isEmpty || request.id.utf8.count > 64
            || !request.id.utf8.allSatisfy({ (0x21...0x7E).contains($0) })
        {
            return "id must be 1-64 printable ASCII characters without spaces"
        }
        if let model = request.model, model.isEmpty || model.utf8.count > maxModelBytes {
            return "model must be 1-\(maxModelBytes) bytes"
        }
        if request.messages.isEmpty { return "messages is empty" }
        if request.messages.count > 64 { return "more than 64 messages" }
        if let bad = request.messages.first(where: { !roles.contains($0.role) }) {
            return "unknown role \(bad.role.prefix(32)) (system, user or assistant)"
        }
        if let maxTokens = request.maxTokens, maxTokens < 1 { return "max_tokens must be at least 1" }
        return nil
    }

    /// `id` as recorded: at most 64 bytes of printable ASCII (a valid id is unchanged; an invalid
    /// one cannot put line breaks or megabytes into the transcript or the team's report).
    public static func printable(_ id: String) -> String {
        String(decoding: id.utf8.filter { (0x21...0x7E).contains($0) }.prefix(64), as: UTF8.self)
    }
}
