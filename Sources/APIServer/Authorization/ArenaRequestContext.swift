public import Hummingbird
public import NIOCore

/// Per-request context: the caller's identity and address. Routes of the public group get this
/// context; the team and organizer groups derive theirs from it (`TeamRequestContext`,
/// `OrganizerRequestContext`).
public struct ArenaRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthMiddleware` when a valid bearer token was presented.
    public var identity: Identity?
    public let remoteAddress: SocketAddress?
    /// The client's rate-limit key (its address, or its IPv6 /64), set by
    /// `ClientAddressMiddleware` from the peer and, behind trusted proxies, `X-Forwarded-For`.
    public var clientAddress = "unknown"

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Bundles are read explicitly with their own limit; JSON bodies stay small.
    public var maxUploadSize: Int { Self.jsonBodyLimit }

    /// The largest JSON (or YAML) request body read by any route.
    static let jsonBodyLimit = 256 * 1024
}
