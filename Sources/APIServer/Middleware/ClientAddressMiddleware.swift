import HTTPTypes
import Hummingbird

/// Resolves the client address of every request (`ArenaRequestContext.clientAddress`) before
/// anything else looks at it: the socket peer, or behind a trusted proxy `X-Forwarded-For`.
struct ClientAddressMiddleware: RouterMiddleware {
    typealias Context = ArenaRequestContext
    let resolver: ClientAddressResolver

    static let forwardedFor = HTTPField.Name("X-Forwarded-For")!

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        var context = context
        let forwarded = resolver.trustedProxies.isEmpty ? [] : request.headers[values: Self.forwardedFor]
        context.clientAddress = resolver.key(peer: context.remoteAddress?.ipAddress, forwardedFor: forwarded)
        return try await next(request, context)
    }
}
