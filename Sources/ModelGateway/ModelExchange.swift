public import AuditLog
public import BotProtocol

/// One served request: the answer for the bot, the transcript record, and the full prompt
/// (for the team's own report, even when the transcript keeps only its hash).
public struct ModelExchange: Sendable, Hashable {
    public var slot: Int
    public var response: LLMResponse
    public var record: ModelExchangeRecord
    public var prompt: String

    /// Creates an exchange.
    public init(slot: Int, response: LLMResponse, record: ModelExchangeRecord, prompt: String) {
        self.slot = slot
        self.response = response
        self.record = record
        self.prompt = prompt
    }

    /// How it ended.
    public var outcome: LLMOutcome { LLMOutcome(rawValue: record.outcome) ?? .endpointError }

    /// One readable line for the team's run report.
    public var reportLine: String {
        var line = "[llm] tick \(record.tick) request \(record.requestID): \(record.outcome)"
        if !record.model.isEmpty { line += " model \(record.model)" }
        line += ", \(record.inputTokens) in / \(record.outputTokens) out tokens, \(record.latencyMs) ms"
        if record.attempts > 1 { line += ", \(record.attempts) attempts" }
        if !record.error.isEmpty { line += " — \(record.error)" }
        return line
    }
}
