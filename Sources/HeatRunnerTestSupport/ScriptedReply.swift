public import BotProtocol
public import Sandbox

/// What a scripted bot does with one observation.
public enum ScriptedReply: Sendable, Hashable {
    /// Replies in time with `actions` (possibly none), having logged `logs` meanwhile.
    case actions([BotAction], logs: [String] = [])
    /// Does not reply in time: one more consecutive strike. Like `WorkerGroup`, the bot is faulted
    /// (`deadline_strikes`) instead once its consecutive misses reach the heat's `maxStrikes`.
    case missed
    /// Faults now (crash, protocol violation, …): it is killed and gets no more observations.
    case faulted(FaultReason)

    /// A timely empty reply.
    public static let idle = ScriptedReply.actions([])
}
