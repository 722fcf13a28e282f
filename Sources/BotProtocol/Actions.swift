/// bot → host, exactly one per observation: `{"type":"actions","tick":N,"actions":[...]}`.
public struct Actions: Codable, Sendable, Hashable {
    /// Must echo the observation's tick; other values are dropped as stale.
    public var tick: Int64
    public var actions: [BotAction]
    /// Optional: the decision behind this reply's orders (protocol v1 addition).
    public var decision: Decision?

    /// Creates an actions message.
    public init(tick: Int64, actions: [BotAction], decision: Decision? = nil) {
        self.tick = tick
        self.actions = actions
        self.decision = decision
    }
}
