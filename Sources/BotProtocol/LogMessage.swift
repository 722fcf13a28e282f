/// bot → host, any time: `{"type":"log","message":"..."}`. Captured, size-capped and shown to
/// the team only.
public struct LogMessage: Codable, Sendable, Hashable {
    public var message: String

    /// Creates a log message.
    public init(message: String) { self.message = message }
}
