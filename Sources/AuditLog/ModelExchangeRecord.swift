/// One model request of a bot and how the platform's gateway answered it, as recorded in the
/// transcript (an input of the tick in which it completed; see docs/LLM-AGENTS.md).
///
/// Recorded for the audit: the replay does not need it (the bot's resulting orders are recorded
/// as commands), but it is part of the tick record, so the hash chain and the attestation cover
/// every prompt and answer and a changed byte fails `arena verify`. `latencyMs` is wall-clock
/// time and never reaches the engine.
public struct ModelExchangeRecord: Hashable, Sendable {
    /// The bot's request id.
    public var requestID: String
    /// The tick of the decision point the request was made in.
    public var tick: Int64
    /// The model asked.
    public var model: String
    /// The sampling parameters sent, as canonical JSON (sorted keys).
    public var parameters: String
    /// The messages sent, as JSON; or `sha256:<hex>` of that JSON when the contest redacts prompts.
    public var prompt: String
    /// The completion text (empty unless `outcome` is `ok`).
    public var completion: String
    /// Prompt tokens charged.
    public var inputTokens: UInt64
    /// Completion tokens charged.
    public var outputTokens: UInt64
    /// Wall-clock time from the request to its answer, in milliseconds.
    public var latencyMs: UInt64
    /// `ok`, `timeout`, `endpoint_error`, `budget_exhausted`, `model_not_allowed`,
    /// `malformed_request` or `unavailable`.
    public var outcome: String
    /// A readable reason when `outcome` is not `ok` (empty otherwise).
    public var error: String
    /// Calls to the endpoint (more than one when platform failures were retried).
    public var attempts: UInt32

    /// Creates a record.
    public init(
        requestID: String, tick: Int64, model: String, parameters: String, prompt: String, completion: String,
        inputTokens: UInt64, outputTokens: UInt64, latencyMs: UInt64, outcome: String, error: String,
        attempts: UInt32
    ) {
        self.requestID = requestID
        self.tick = tick
        self.model = model
        self.parameters = parameters
        self.prompt = prompt
        self.completion = completion
        self.inputTokens = inputTokens
        self.outputTokens = outputTokens
        self.latencyMs = latencyMs
        self.outcome = outcome
        self.error = error
        self.attempts = attempts
    }
}

extension CanonicalWriter {
    /// Writes a model exchange (fields in declaration order).
    public mutating func write(_ record: ModelExchangeRecord) {
        write(string: record.requestID)
        write(signed: record.tick)
        write(string: record.model)
        write(string: record.parameters)
        write(string: record.prompt)
        write(string: record.completion)
        write(unsigned: record.inputTokens)
        write(unsigned: record.outputTokens)
        write(unsigned: record.latencyMs)
        write(string: record.outcome)
        write(string: record.error)
        write(unsigned: UInt64(record.attempts))
    }
}

extension CanonicalReader {
    /// Reads a model exchange.
    public mutating func readModelExchange() throws(TranscriptError) -> ModelExchangeRecord {
        ModelExchangeRecord(
            requestID: try readString(), tick: try readSigned(), model: try readString(),
            parameters: try readString(), prompt: try readString(), completion: try readString(),
            inputTokens: try readUnsigned(), outputTokens: try readUnsigned(), latencyMs: try readUnsigned(),
            outcome: try readString(), error: try readString(), attempts: try readUnsigned(as: UInt32.self))
    }
}
