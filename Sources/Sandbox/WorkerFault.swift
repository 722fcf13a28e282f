/// A fault and the tick at which it happened (0 = during start).
public struct WorkerFault: Sendable, Hashable, Codable {
    public var reason: FaultReason
    public var tick: Int64

    /// Creates a fault record.
    public init(reason: FaultReason, tick: Int64) {
        self.reason = reason
        self.tick = tick
    }
}
