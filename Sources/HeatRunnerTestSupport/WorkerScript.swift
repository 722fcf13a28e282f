public import BotProtocol
public import Sandbox

/// The replies of a heat's scripted bots: per slot, per tick (the observation's tick).
public struct WorkerScript: Sendable {
    /// The order in which a tick's replies arrive (they are returned as a dictionary built in
    /// this order; the tick loop must not depend on it).
    public enum Arrival: Sendable, Hashable {
        case ascendingSlots
        case descendingSlots
    }

    /// Replies by slot, then by tick; ticks without an entry get `otherwise`.
    public var replies: [Int: [Int64: ScriptedReply]]
    /// The reply of every slot and tick the table leaves out.
    public var otherwise: ScriptedReply
    /// Slots whose bot fails to start, with the reason.
    public var startFaults: [Int: FaultReason]
    public var arrival: Arrival
    /// LLM agents by slot: what they do at decision points (`exchange(_:thinking:)`).
    public var thinking: [Int: ScriptedThinking] = [:]
    /// The `decision` a slot's reply carries at a tick (protocol v1's optional decision log).
    public var decisions: [Int: [Int64: Decision]] = [:]

    /// A script; by default every bot replies in time with no actions.
    public init(
        replies: [Int: [Int64: ScriptedReply]] = [:], otherwise: ScriptedReply = .idle,
        startFaults: [Int: FaultReason] = [:], arrival: Arrival = .ascendingSlots
    ) {
        self.replies = replies
        self.otherwise = otherwise
        self.startFaults = startFaults
        self.arrival = arrival
    }

    /// The reply of `slot` to its observation of `tick`.
    public func reply(slot: Int, tick: Int64) -> ScriptedReply {
        replies[slot]?[tick] ?? otherwise
    }
}
