import BotProtocol
import Foundation
import ModelGateway

/// Reads an OpenAI chat-completions request body into the gateway's request type.
enum StubRequestParser {
    static func parse(_ body: [UInt8]) -> ChatCompletionRequest? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any],
            let messages = object["messages"] as? [[String: Any]]
        else { return nil }
        let parsed = messages.compactMap { message -> LLMChatMessage? in
            guard let role = message["role"] as? String, let content = message["content"] as? String else { return nil }
            return LLMChatMessage(role: role, content: content)
        }
        guard parsed.count == messages.count else { return nil }
        return ChatCompletionRequest(
            model: object["model"] as? String ?? "", messages: parsed, maxTokens: object["max_tokens"] as? Int ?? 256)
    }
}
