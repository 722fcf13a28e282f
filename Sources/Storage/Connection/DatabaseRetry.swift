import PostgresNIO

/// Riding out a dropped database connection (a PostgreSQL restart, a failover, a cut network).
///
/// Only *idempotent* work may be retried: a read, or a write whose effect is guarded so that a
/// second attempt cannot apply it twice (a lease check, `ON CONFLICT DO NOTHING`). The pause
/// lets the client's pool notice the closed connections; the retry then waits for a fresh one
/// (the pool keeps trying to connect for up to a minute), so a one-second restart costs the
/// caller a little latency instead of an error.
public enum DatabaseRetry {
    /// Whether `error` means the connection to PostgreSQL was lost rather than the statement
    /// failing: the server closed it or is shutting down / starting up (SQLSTATE `57P01`–`57P03`),
    /// a connection exception (class `08`), or the socket failed. A transaction's error counts
    /// when its `BEGIN`, its body or its `COMMIT` failed that way.
    public static func isConnectionLoss(_ error: any Error) -> Bool {
        if let transaction = error as? PostgresTransactionError {
            return [transaction.beginError, transaction.closureError, transaction.commitError]
                .contains { $0.map(isConnectionLoss) ?? false }
        }
        guard let error = error as? PSQLError else { return false }
        switch error.code {
        case .serverClosedConnection, .clientClosedConnection, .connectionError, .uncleanShutdown:
            return true
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            return state.hasPrefix("08") || ["57P01", "57P02", "57P03"].contains(state)
        default:
            return false
        }
    }

    /// Runs idempotent `body`; when it fails because the connection was lost, tells `onRetry`,
    /// waits `pause` and runs it again, up to `retries` more times. Any other error (and the last
    /// one) is thrown.
    public static func idempotent<T>(
        retries: Int = 1, pause: Duration = .milliseconds(250),
        isolation: isolated (any Actor)? = #isolation,
        onRetry: (any Error) -> Void = { _ in },
        _ body: () async throws -> T
    ) async throws -> T {
        var attempt = 0
        while true {
            do {
                return try await body()
            } catch let error where attempt < retries && isConnectionLoss(error) {
                attempt += 1
                onRetry(error)
                try await Task.sleep(for: pause)
            }
        }
    }
}
