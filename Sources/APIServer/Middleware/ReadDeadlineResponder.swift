import HTTPTypes
import Hummingbird
import Logging
import Storage

/// The API's responder with a deadline on reads. A `GET`/`HEAD` that has not produced its
/// response after `limit` is abandoned and run once more; if that one does not finish either,
/// the answer is `503 database_unavailable` with `Retry-After`. Reads are idempotent, so a late
/// first attempt is harmless.
///
/// Why: when PostgreSQL restarts, a query issued on a pooled connection at the moment it closes
/// can be lost inside the PostgreSQL client and never complete (``Storage/DatabaseDeadline``);
/// without a deadline that request would hang until the client gave up. Writes are not
/// repeated or cut short here (a slow upload must not be answered 503 and then take effect).
struct ReadDeadlineResponder<Base: HTTPResponder>: HTTPResponder where Base.Context == ArenaRequestContext {
    typealias Context = ArenaRequestContext

    let base: Base
    /// How long one attempt of a read may take.
    let limit: Duration

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return try await base.respond(to: request, context: context)
        }
        let base = base
        for attempt in 1...2 {
            do {
                return try await DatabaseDeadline.run(limit) { try await base.respond(to: request, context: context) }
            } catch is DatabaseDeadlineExceeded {
                context.logger.warning(
                    "read did not finish in time",
                    metadata: ["attempt": "\(attempt)", "limit": "\(limit)", "path": "\(request.uri.path)"])
            }
        }
        throw APIError(
            .serviceUnavailable, code: "database_unavailable",
            "the database did not answer in time; retry shortly", headers: [.retryAfter: "2"])
    }
}
