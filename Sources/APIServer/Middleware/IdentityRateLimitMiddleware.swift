import Hummingbird

/// The per-identity rate limit, after authentication: one budget per team (`team:<id>`) and per
/// organizer (`organizer:<name>`), never keyed by the raw token header, so invented tokens
/// cannot create buckets (they fail authentication first) and rotating a token does not reset
/// the budget. Anonymous requests have only their address budget.
struct IdentityRateLimitMiddleware: RouterMiddleware {
    typealias Context = ArenaRequestContext
    let perIdentity: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let identity = context.identity, let retry = perIdentity.take(identity.actor) {
            throw APIError.rateLimited(retryAfter: retry, layer: "identity")
        }
        return try await next(request, context)
    }
}
