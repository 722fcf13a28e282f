public import BotProtocol
import Foundation

/// One chat-completions call as the gateway sends it: the bot's messages, the contest's model
/// and fixed sampling parameters.
public struct ChatCompletionRequest: Sendable, Hashable {
    public var model: String
    public var messages: [LLMChatMessage]
    public var maxTokens: Int
    /// Plain decimal strings (validated by the contest loader), sent as JSON numbers.
    public var temperature: String
    public var topP: String
    public var seed: Int?

    /// Creates a request.
    public init(
        model: String, messages: [LLMChatMessage], maxTokens: Int, temperature: String = "0", topP: String = "1",
        seed: Int? = nil
    ) {
        self.model = model
        self.messages = messages
        self.maxTokens = maxTokens
        self.temperature = temperature
        self.topP = topP
        self.seed = seed
    }

    /// The sampling parameters as canonical JSON (sorted keys), as recorded in the transcript.
    public var parametersJSON: String {
        var parts = ["\"max_tokens\":\(maxTokens)"]
        if let seed { parts.append("\"seed\":\(seed)") }
        parts.append("\"temperature\":\(Self.number(temperature))")
        parts.append("\"top_p\":\(Self.number(topP))")
        return "{" + parts.joined(separator: ",") + "}"
    }

    /// The messages as JSON (`[{"content":…,"role":…}]`, sorted keys), as recorded.
    public var messagesJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? String(decoding: encoder.encode(messages), as: UTF8.self)) ?? "[]"
    }

    /// The OpenAI request body.
    public func body() -> [UInt8] {
        var text = "{\"model\":" + Self.quoted(model) + ",\"messages\":" + messagesJSON
        text += ",\"max_tokens\":\(maxTokens),\"temperature\":\(Self.number(temperature))"
        text += ",\"top_p\":\(Self.number(topP)),\"stream\":false"
        if let seed { text += ",\"seed\":\(seed)" }
        return Array((text + "}").utf8)
    }

    private static func number(_ decimal: String) -> String {
        decimal.allSatisfy { $0.isNumber || $0 == "." } && !decimal.isEmpty ? decimal : "0"
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
