/// Per-contest limits the host enforces on bots, announced in `hello`.
public struct ProtocolLimits: Codable, Sendable, Hashable {
    /// Wall-clock deadline for one `actions` reply, in milliseconds.
    public var tickDeadlineMs: Int
    /// Most actions accepted in one `actions` message; more is a protocol violation.
    public var maxActionsPerTick: Int
    /// Longest accepted line from the bot, newline included.
    public var maxLineBytes: Int

    /// Creates limits; the defaults are the platform's v1 defaults.
    public init(tickDeadlineMs: Int = 200, maxActionsPerTick: Int = 32, maxLineBytes: Int = 65_536) {
        self.tickDeadlineMs = tickDeadlineMs
        self.maxActionsPerTick = maxActionsPerTick
        self.maxLineBytes = maxLineBytes
    }

    enum CodingKeys: String, CodingKey {
        case tickDeadlineMs = "tick_deadline_ms"
        case maxActionsPerTick = "max_actions_per_tick"
        case maxLineBytes = "max_line_bytes"
    }
}
