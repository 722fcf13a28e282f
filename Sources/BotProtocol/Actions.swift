/// bot → host, exactly one per observation: `{"type":"actions","tick":N,"actions":[...]}`.
public struct Actions: Codable, Sendable, Hashable {
    /// Must echo the observation's tick; other values are dropped as stale.
    public var tick: Int64
    public var actions: [BotAction]

    /// Creates an actions message.
    public init(tick: Int64, actions: [BotAction]) {
        self.tick = tick
        self.actions = actions
    }
}
