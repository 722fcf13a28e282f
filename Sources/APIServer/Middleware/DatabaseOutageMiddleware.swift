import HTTPTypes
import Hummingbird
import Logging
import Storage

/// Rides out a dropped database connection (a PostgreSQL restart, a failover).
///
/// A `GET`/`HEAD` request is idempotent: when it fails because the connection was lost, it is run
/// again once after a short pause (``DatabaseRetry``), by which time the client's pool is
/// reconnecting, so a one-second restart costs readers some latency, not an error. Any request
/// that still fails that way (a longer outage, or a write, which is never repeated here) is
/// answered `503 database_unavailable` with `Retry-After`, not a generic 500.
struct DatabaseOutageMiddleware: RouterMiddleware {
    typealias Context = ArenaRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        do {
            if request.method == .get || request.method == .head {
                return try await DatabaseRetry.idempotent(
                    onRetry: { error in
                        context.logger.notice(
                            "database connection lost; repeating the read",
                            metadata: ["error": "\(String(reflecting: error))"])
                    },
                    { try await next(request, context) })
            }
            return try await next(request, context)
        } catch  where DatabaseRetry.isConnectionLoss(error) {
            context.logger.warning("database unavailable", metadata: ["error": "\(String(reflecting: error))"])
            throw APIError(
                .serviceUnavailable, code: "database_unavailable",
                "the database is unavailable for a moment; retry shortly", headers: [.retryAfter: "2"])
        }
    }
}
