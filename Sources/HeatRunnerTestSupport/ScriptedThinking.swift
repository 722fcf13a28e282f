public import BotProtocol

/// What a scripted LLM agent does at a decision point: sends `request` to the model broker,
/// waits for the answer, and "thinks" for `thinkingTime` in all (a simulated duration compared
/// with the thinking deadline, so tests are not timed): within the deadline it replies with
/// `actions`, beyond it the tick is missed.
public struct ScriptedThinking: Sendable, Hashable {
    public var request: LLMRequest
    public var thinkingTime: Duration
    public var actions: [BotAction]

    /// An agent asking `request` and taking `thinkingTime` to decide.
    public init(request: LLMRequest, thinkingTime: Duration = .zero, actions: [BotAction] = []) {
        self.request = request
        self.thinkingTime = thinkingTime
        self.actions = actions
    }
}
