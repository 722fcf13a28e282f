/// A decision point: the reply deadline is `deadline` (wall clock, the contest's thinking
/// deadline) instead of the tick deadline, and the bots' `llm_request` lines go to `broker`.
public struct ThinkingWindow: Sendable {
    /// How long every bot has to answer this observation.
    public var deadline: Duration
    /// Serves the bots' model requests meanwhile.
    public var broker: any ModelBroker
    /// Requests each bot made in this window (the group caps them).
    let requests = ModelRequestTally()

    /// Creates a window.
    public init(deadline: Duration, broker: any ModelBroker) {
        self.deadline = deadline
        self.broker = broker
    }
}
