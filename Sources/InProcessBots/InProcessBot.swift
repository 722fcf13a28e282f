public import BotProtocol

/// A bot that runs inside the host process: what ``InProcessWorkers`` drives instead of a
/// sandboxed worker. Deterministic bots give deterministic heats.
public protocol InProcessBot {
    /// Receives the heat's `hello`; throwing faults the bot at start.
    mutating func start(_ hello: Hello) throws
    /// The bot's actions for one observation (and log lines).
    mutating func reply(to observation: Observation) -> (actions: [BotAction], logs: [String])
    /// The `decision` of the last reply, if it had one (protocol v1's decision log).
    var decision: Decision? { get }
}

extension InProcessBot {
    /// No decisions: bots that do not explain their orders.
    public var decision: Decision? { nil }
}
