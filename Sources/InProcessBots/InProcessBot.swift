public import BotProtocol

/// A bot that runs inside the host process: what ``InProcessWorkers`` drives instead of a
/// sandboxed worker. Deterministic bots give deterministic heats.
public protocol InProcessBot {
    /// Receives the heat's `hello`; throwing faults the bot at start.
    mutating func start(_ hello: Hello) throws
    /// The bot's actions for one observation (and log lines).
    mutating func reply(to observation: Observation) -> (actions: [BotAction], logs: [String])
}
