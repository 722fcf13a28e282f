public import BotProtocol

/// Where a `WorkerGroup` hands the `llm_request` lines of its bots during a thinking window
/// (the platform's model gateway; see `HeatRunner` and docs/LLM-AGENTS.md).
///
/// `submit` is called on the group's poll thread and must not block: answer later, from any
/// thread, by calling `answer` exactly once. The group writes the answer to the bot's stdin.
public protocol ModelBroker: Sendable {
    /// Starts serving `request` of the bot in `slot` asked during the observation of `tick`.
    func submit(
        slot: Int, tick: Int64, request: LLMRequest, answer: @escaping @Sendable (LLMResponse) -> Void)
}
