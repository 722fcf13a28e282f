import Hummingbird
import NIOCore

/// Per-request context: the caller's identity and address.
public struct ArenaRequestContext: RequestContext, RemoteAddressRequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by `AuthMiddleware` when a valid bearer token was presented.
    public var identity: Identity?
    public let remoteAddress: SocketAddress?

    public init(source: ApplicationRequestContextSource) {
        self.coreContext = .init(source: source)
        self.remoteAddress = source.channel.remoteAddress
    }

    /// Bundles are read explicitly with their own limit; JSON bodies stay small.
    public var maxUploadSize: Int { 256 * 1024 }
}
