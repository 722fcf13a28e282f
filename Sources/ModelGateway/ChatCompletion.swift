import Foundation

/// What an endpoint answered: the first choice's text and the token usage it reported
/// (nil when it reported none; the gateway then estimates).
public struct ChatCompletion: Sendable, Hashable {
    public var content: String
    public var model: String?
    public var promptTokens: Int?
    public var completionTokens: Int?

    /// Creates a completion.
    public init(content: String, model: String? = nil, promptTokens: Int? = nil, completionTokens: Int? = nil) {
        self.content = content
        self.model = model
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
    }

    /// Parses an OpenAI chat-completions response body; nil when it is not one.
    public static func parse(_ body: [UInt8]) -> ChatCompletion? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let choices = object["choices"] as? [[String: Any]], let first = choices.first,
            let message = first["message"] as? [String: Any]
        else { return nil }
        let content = message["content"] as? String ?? ""
        let usage = object["usage"] as? [String: Any]
        return ChatCompletion(
            content: content, model: object["model"] as? String, promptTokens: usage?["prompt_tokens"] as? Int,
            completionTokens: usage?["completion_tokens"] as? Int)
    }

    /// The OpenAI response body for this completion (what `arena-model-stub` serves).
    public func body(id: String) -> [UInt8] {
        let object: [String: Any] = [
            "id": id, "object": "chat.completion", "created": 0, "model": model ?? "",
            "choices": [["index": 0, "message": ["role": "assistant", "content": content], "finish_reason": "stop"]],
            "usage": [
                "prompt_tokens": promptTokens ?? 0, "completion_tokens": completionTokens ?? 0,
                "total_tokens": (promptTokens ?? 0) + (completionTokens ?? 0),
            ],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return Array(data)
    }
}
