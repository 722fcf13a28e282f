import Storage

/// Why an operation was abandoned.
typealias TimeoutError = DatabaseDeadlineExceeded

/// Runs `body`, failing with `TimeoutError` after `limit` without waiting for it
/// (``Storage/DatabaseDeadline``): a database call on a connection that dropped or went silent
/// may never return, and the caller (a heartbeat, the final commit, a queue poll) must not hang
/// with it. The database's lease checks make a late effect of the abandoned call harmless.
func withTimeout<T: Sendable>(_ limit: Duration, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await DatabaseDeadline.run(limit, body)
}
