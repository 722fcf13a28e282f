public import BotProtocol

/// What one worker did in one exchange.
public enum WorkerTickResult: Sendable, Hashable {
    /// A timely reply for the current tick (possibly empty), plus log lines received meanwhile.
    case actions([BotAction], logs: [String])
    /// No timely reply; `strikes` consecutive misses so far (the tick counts as "no action").
    case missed(strikes: Int)
    /// The worker is faulted (now or earlier) and gets no more observations.
    case faulted(FaultReason)
}
