/// How a model request ended (`llm_response.outcome`, and in the transcript).
///
/// `timeout` and `endpoint_error` are platform-side failures (not the team's fault, counted
/// separately, retried when the contest allows); the others are the team's own.
public enum LLMOutcome: String, Codable, Sendable, Hashable, CaseIterable {
    /// A completion came back.
    case ok
    /// The endpoint did not answer within the contest's timeout.
    case timeout
    /// The endpoint failed (connection refused, HTTP 5xx/429, an unreadable answer).
    case endpointError = "endpoint_error"
    /// The team used up a budget (requests, input or output tokens) for this run.
    case budgetExhausted = "budget_exhausted"
    /// The request named a model the contest does not allow.
    case modelNotAllowed = "model_not_allowed"
    /// The request itself is unusable (no messages, an unknown role, a bad id, oversized prompt).
    case malformedRequest = "malformed_request"
    /// No model is available now: the contest has no `llm` section, or the tick is not a
    /// decision point.
    case unavailable

    /// Whether the platform (not the team) is to blame.
    public var isPlatformFailure: Bool { self == .timeout || self == .endpointError }
}
