import Storage

/// One database call of the queue consumer, abandoned after `limit` (`withTimeout`) so a runner
/// cut off from the database never hangs in it; an `idempotent` call (a read, or a write the
/// database guards with the lease check) is retried once when the connection dropped (a restart).
func databaseCall<T: Sendable>(
    _ limit: Duration, idempotent: Bool = false, _ body: @escaping @Sendable () async throws -> T
) async throws -> T {
    try await withTimeout(limit) {
        guard idempotent else { return try await body() }
        return try await DatabaseRetry.idempotent { try await body() }
    }
}
