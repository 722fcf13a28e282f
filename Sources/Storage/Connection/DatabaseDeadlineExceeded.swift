/// A database call abandoned by ``DatabaseDeadline/run(_:_:)`` because it did not finish in time.
public struct DatabaseDeadlineExceeded: Error, CustomStringConvertible, Sendable {
    /// The time it was given.
    public var limit: Duration

    /// Creates the error for a call given `limit`.
    public init(limit: Duration) {
        self.limit = limit
    }

    public var description: String { "timed out after \(limit)" }
}
