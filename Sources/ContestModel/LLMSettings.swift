/// The contest's model gateway: which OpenAI-compatible endpoint the runner calls for the
/// bots' `llm_request`s, which models, on which terms, and the decision-point clock
/// (docs/LLM-AGENTS.md). Every team gets the same models on the same terms.
///
/// ```yaml
/// llm:
///   endpoint: http://127.0.0.1:8089/v1     # {endpoint}/chat/completions is called
///   api_key_env: ARENA_LLM_API_KEY          # read from the runner's environment; never in YAML
///   models: [stub-trader]
///   decision_interval: 10                   # decision point every 10 ticks
///   thinking_deadline_ms: 60000             # the market waits this long for every agent
///   timeout_ms: 30000                       # per endpoint call
///   retries: 1                              # platform failures retried, not charged
///   concurrency: 4                          # endpoint calls at once, shared round-robin
///   max_tokens: 400                         # completion-token cap per request
///   sampling: {temperature: "0", top_p: "1", seed: 7}
///   budget: {requests: 200, input_tokens: 400000, output_tokens: 80000}   # per team per run
///   redact_prompts: false                   # true: transcripts keep only prompt hashes
/// ```
public struct LLMSettings: Codable, Sendable, Hashable {
    /// Base URL of the OpenAI-compatible API (`…/v1`).
    public var endpoint: String
    /// Environment variable on the runner holding the API key (sent as a bearer token); nil = none.
    public var apiKeyEnv: String?
    /// Allowed models; the first is the default.
    public var models: [String]
    /// Ticks between decision points (1 = every tick).
    public var decisionInterval: Int
    /// Wall-clock time every bot has to answer a decision point.
    public var thinkingDeadlineMilliseconds: Int
    /// Time limit of one endpoint call.
    public var timeoutMilliseconds: Int
    /// Retries of a platform-side failure (timeout, endpoint error), not charged to the team.
    public var retries: Int
    /// Endpoint calls in flight at once, shared round-robin among teams.
    public var concurrency: Int
    /// Completion-token cap per request.
    public var maxTokens: Int
    public var sampling: LLMSamplingSettings
    public var budget: LLMBudgetSettings
    /// Record only the SHA-256 of each prompt in the transcript (teams see theirs in their report).
    public var redactPrompts: Bool

    /// Settings with the documented defaults.
    public init(
        endpoint: String, apiKeyEnv: String? = nil, models: [String], decisionInterval: Int = 10,
        thinkingDeadlineMilliseconds: Int = 60_000, timeoutMilliseconds: Int = 30_000, retries: Int = 1,
        concurrency: Int = 4, maxTokens: Int = 400, sampling: LLMSamplingSettings = .init(),
        budget: LLMBudgetSettings = .init(), redactPrompts: Bool = false
    ) {
        self.endpoint = endpoint
        self.apiKeyEnv = apiKeyEnv
        self.models = models
        self.decisionInterval = decisionInterval
        self.thinkingDeadlineMilliseconds = thinkingDeadlineMilliseconds
        self.timeoutMilliseconds = timeoutMilliseconds
        self.retries = retries
        self.concurrency = concurrency
        self.maxTokens = maxTokens
        self.sampling = sampling
        self.budget = budget
        self.redactPrompts = redactPrompts
    }

    enum CodingKeys: String, CodingKey {
        case endpoint, models, retries, concurrency, sampling, budget
        case apiKeyEnv = "api_key_env"
        case decisionInterval = "decision_interval"
        case thinkingDeadlineMilliseconds = "thinking_deadline_ms"
        case timeoutMilliseconds = "timeout_ms"
        case maxTokens = "max_tokens"
        case redactPrompts = "redact_prompts"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = LLMSettings(endpoint: "", models: [])
        endpoint = try c.decode(String.self, forKey: .endpoint)
        apiKeyEnv = try c.decodeIfPresent(String.self, forKey: .apiKeyEnv)
        models = try c.decode([String].self, forKey: .models)
        decisionInterval = try c.decodeIfPresent(Int.self, forKey: .decisionInterval) ?? d.decisionInterval
        thinkingDeadlineMilliseconds =
            try c.decodeIfPresent(Int.self, forKey: .thinkingDeadlineMilliseconds) ?? d.thinkingDeadlineMilliseconds
        timeoutMilliseconds = try c.decodeIfPresent(Int.self, forKey: .timeoutMilliseconds) ?? d.timeoutMilliseconds
        retries = try c.decodeIfPresent(Int.self, forKey: .retries) ?? d.retries
        concurrency = try c.decodeIfPresent(Int.self, forKey: .concurrency) ?? d.concurrency
        maxTokens = try c.decodeIfPresent(Int.self, forKey: .maxTokens) ?? d.maxTokens
        sampling = try c.decodeIfPresent(LLMSamplingSettings.self, forKey: .sampling) ?? d.sampling
        budget = try c.decodeIfPresent(LLMBudgetSettings.self, forKey: .budget) ?? d.budget
        redactPrompts = try c.decodeIfPresent(Bool.self, forKey: .redactPrompts) ?? d.redactPrompts
    }
}
