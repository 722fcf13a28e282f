/// Every message the host sends to a bot, tagged on the wire by `"type"`.
public enum HostMessage: Codable, Sendable, Hashable {
    case hello(Hello)
    case observation(Observation)
    case end(End)
    /// The answer to a bot's `llm_request`.
    case llmResponse(LLMResponse)

    enum TypeKey: String, CodingKey { case type }

    /// The wire name of the message type.
    public var type: String {
        switch self {
        case .hello: "hello"
        case .observation: "observation"
        case .end: "end"
        case .llmResponse: "llm_response"
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: TypeKey.self)
        let type = try container.decode(String.self, forKey: .type)
        switch type {
        case "hello": self = .hello(try Hello(from: decoder))
        case "observation": self = .observation(try Observation(from: decoder))
        case "end": self = .end(try End(from: decoder))
        case "llm_response": self = .llmResponse(try LLMResponse(from: decoder))
        default:
            throw DecodingError.dataCorruptedError(
                forKey: .type, in: container, debugDescription: "unknown host message type")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: TypeKey.self)
        try container.encode(type, forKey: .type)
        switch self {
        case .hello(let hello): try hello.encode(to: encoder)
        case .observation(let observation): try observation.encode(to: encoder)
        case .end(let end): try end.encode(to: encoder)
        case .llmResponse(let response): try response.encode(to: encoder)
        }
    }
}
