/// Every message a bot may send, tagged on the wire by `"type"`.
public enum BotMessage: Codable, Sendable, Hashable {
    case actions(Actions)
    case log(LogMessage)
    /// A model request at a decision point (docs/LLM-AGENTS.md).
    case llmRequest(LLMRequest)

    enum TypeKey: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "actions": self = .actions(try Actions(from: decoder))
        case "log": self = .log(try LogMessage(from: decoder))
        case "llm_request": self = .llmRequest(try LLMRequest(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown bot message type")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        switch self {
        case .actions(let actions):
            try container.encode("actions", forKey: .type)
            try actions.encode(to: encoder)
        case .log(let log):
            try container.encode("log", forKey: .type)
            try log.encode(to: encoder)
        case .llmRequest(let request):
            try container.encode("llm_request", forKey: .type)
            try request.encode(to: encoder)
        }
    }
}
