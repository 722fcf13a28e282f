/// What one team may spend on the model in one run (a heat). Platform-side failures that are
/// retried are not charged.
public struct LLMBudgetSettings: Codable, Sendable, Hashable {
    /// Requests answered by the endpoint (successful or not through the team's own fault).
    public var requests: Int
    /// Prompt tokens.
    public var inputTokens: Int
    /// Completion tokens.
    public var outputTokens: Int

    /// Creates a budget.
    public init(requests: Int = 200, inputTokens: Int = 400_000, outputTokens: Int = 80_000) {
        self.requests = requests
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
    }

    enum CodingKeys: String, CodingKey {
        case requests
        case inputTokens = "input_tokens"
        case outputTokens = "output_tokens"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = LLMBudgetSettings()
        requests = try c.decodeIfPresent(Int.self, forKey: .requests) ?? d.requests
        inputTokens = try c.decodeIfPresent(Int.self, forKey: .inputTokens) ?? d.inputTokens
        outputTokens = try c.decodeIfPresent(Int.self, forKey: .outputTokens) ?? d.outputTokens
    }
}
