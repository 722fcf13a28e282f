import Hummingbird

/// Refuses callers over their request rate with 429 and `Retry-After`: one budget per token,
/// another per IP address for anonymous requests.
struct RateLimitMiddleware: RouterMiddleware {
    typealias Context = ArenaRequestContext
    let perToken: RateLimiter
    let perAddress: RateLimiter

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws
        -> Response
    {
        let retry: Int?
        if let header = request.headers[.authorization] {
            retry = perToken.take("t:" + String(header.suffix(16)))
        } else {
            let address = context.remoteAddress?.ipAddress ?? "unknown"
            retry = perAddress.take("a:" + address)
        }
        if let retry {
            throw APIError(
                .tooManyRequests, code: "rate_limited",
                "too many requests; retry in \(retry) s", headers: [.retryAfter: "\(retry)"])
        }
        return try await next(request, context)
    }
}
