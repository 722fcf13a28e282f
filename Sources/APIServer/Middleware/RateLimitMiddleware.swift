import Hummingbird

/// The first rate limit, on every request before anything else is done for it: one budget per
/// client address (`ArenaRequestContext.clientAddress`), whatever the request carries. Callers
/// over it get `429 rate_limited` with `Retry-After`. Identities have their own budget after
/// authentication (`IdentityRateLimitMiddleware`).
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ArenaRequestContext
    let perAddress: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        if let retry = perAddress.take(context.clientAddress) {
            throw APIError.rateLimited(retryAfter: retry, layer: "address")
        }
        return try await next(request, context)
    }
}
