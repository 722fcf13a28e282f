/// How ``StubModel`` misbehaves on purpose (tests, demos of failure handling).
public enum StubBehavior: Sendable, Hashable {
    /// Answers (after the configured delay).
    case answer
    /// Never answers (until cancelled): the gateway records a timeout.
    case hang
    /// Fails like an overloaded endpoint (HTTP 503).
    case error
    /// Answers text that is not the JSON decision the agent asked for.
    case malformed
}
