/// host → bot, once after the last tick (or when the run stops early). No reply is expected;
/// the bot should exit promptly.
public struct End: Codable, Sendable, Hashable {
    /// `completed`, `aborted` or `faulted`.
    public var reason: String
    /// Final equity in USDT.
    public var finalEquity: String

    /// Creates an end message.
    public init(reason: String, finalEquity: String) {
        self.reason = reason
        self.finalEquity = finalEquity
    }

    enum CodingKeys: String, CodingKey {
        case reason
        case finalEquity = "final_equity"
    }
}
