import Hummingbird
import Storage

/// Resolves `Authorization: Bearer <token>` to an `Identity` (tokens are looked up by SHA-256).
/// A request without a token continues anonymously; a bad token is refused outright, on every
/// route. Whether the identity may use a route is the route group's `AccessPolicy`.
///
/// Failed authentications are throttled per client address: each failure takes a token from the
/// address's `failures` bucket, and once it is empty a request with a token is refused with
/// `429 rate_limited` before its token is looked up, so a flood of invented tokens costs one
/// database lookup per refill, not one per request. Tokens that authenticated recently
/// (`VerifiedTokens`) are still looked up and served, so the flood does not lock out a team
/// using its token from the same address.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = ArenaRequestContext
    let identities: any IdentityRepository
    let failures: RateLimiter
    let verified: VerifiedTokens

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        let token = header.hasPrefix("Bearer ") && header.count < 200 ? String(header.dropFirst("Bearer ".count)) : nil
        let hash = token.map(TokenHash.hash)
        if let retry = failures.check(context.clientAddress), !(hash.map { verified.contains($0) } ?? false) {
            throw APIError.rateLimited(retryAfter: retry, layer: "auth_failures")
        }
        guard let token, let hash else { throw failed(context) }
        var context = context
        if token.hasPrefix("pa_org_"), let name = try await identities.organizer(tokenHash: hash) {
            context.identity = .organizer(name: name)
        } else if let team = try await identities.team(tokenHash: hash) {
            context.identity = .team(team)
        } else {
            throw failed(context)
        }
        verified.insert(hash)
        return try await next(request, context)
    }

    /// Counts a failed authentication against the address and returns the 401.
    private func failed(_ context: Context) -> APIError {
        _ = failures.take(context.clientAddress)
        return APIError.unauthorized()
    }
}
