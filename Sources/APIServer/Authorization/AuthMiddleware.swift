import Hummingbird
import Storage

/// Resolves `Authorization: Bearer <token>` to an `Identity` (tokens are looked up by SHA-256).
/// A request without a token continues anonymously; a bad token is refused outright, on every
/// route. Whether the identity may use a route is the route group's `AccessPolicy`.
struct AuthMiddleware: RouterMiddleware {
    typealias Context = ArenaRequestContext
    let identities: any IdentityRepository

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        guard let header = request.headers[.authorization] else { return try await next(request, context) }
        guard header.hasPrefix("Bearer "), header.count < 200 else { throw APIError.unauthorized() }
        let token = String(header.dropFirst("Bearer ".count))
        let hash = TokenHash.hash(token)
        var context = context
        if token.hasPrefix("pa_org_"), let name = try await identities.organizer(tokenHash: hash) {
            context.identity = .organizer(name: name)
        } else if let team = try await identities.team(tokenHash: hash) {
            context.identity = .team(team)
        } else {
            throw APIError.unauthorized()
        }
        return try await next(request, context)
    }
}
