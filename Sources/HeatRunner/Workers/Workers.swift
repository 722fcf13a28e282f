public import BotProtocol
public import Sandbox

/// The bots of one heat, as the tick loop sees them: start them with `hello`, exchange one
/// observation for one reply per tick, finish them with `end`.
///
/// The real implementation is `WorkerGroup` (sandboxed processes); tests script replies instead.
/// Replies come back as a dictionary by slot, so their arrival order never reaches the loop (it
/// applies them in a seeded order).
///
/// Blocking and single-threaded: call from one thread, in the order `start`, `exchange`…,
/// `finish`.
public protocol Workers: AnyObject {
    /// Starts every bot and sends each its `hello` (if given). Returns `.actions([], logs: [])`
    /// for started bots and `.faulted` for those that failed to start.
    func start(hello: [Int: Hello]) -> [Int: WorkerTickResult]

    /// Sends each slot its observation and returns one result per slot that got one: a timely
    /// reply, a miss with its consecutive strike count, or a fault (now or earlier).
    func exchange(_ observations: [Int: Observation]) -> [Int: WorkerTickResult]

    /// Sends `end` (where given), stops every bot and returns one report per slot. Call once.
    func finish(end: [Int: End]) -> [Int: WorkerReport]

    /// The `decision` of `slot`'s reply in the last exchange, if it had one (protocol v1's
    /// optional decision log). Default: none.
    func decision(of slot: Int) -> Decision?

    /// A decision point (docs/LLM-AGENTS.md): like `exchange(_:)`, but every bot has the
    /// window's deadline and its model requests go to the window's broker. Default: a plain
    /// exchange (workers whose bots cannot ask a model).
    func exchange(_ observations: [Int: Observation], thinking: ThinkingWindow) -> [Int: WorkerTickResult]
}

extension Workers {
    /// No decisions: workers that do not carry them.
    public func decision(of slot: Int) -> Decision? { nil }

    /// A plain exchange: these workers' bots cannot ask a model.
    public func exchange(_ observations: [Int: Observation], thinking: ThinkingWindow) -> [Int: WorkerTickResult] {
        exchange(observations)
    }
}
