extension ArenaStore {
    /// Runs an idempotent read, retried once when the database connection dropped (a restart):
    /// see ``DatabaseRetry/idempotent(retries:pause:isolation:_:)``.
    public func retryingRead<T>(
        isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
    ) async throws -> T {
        try await DatabaseRetry.idempotent(isolation: isolation, body)
    }
}
