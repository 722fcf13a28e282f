public import NIOCore

extension APIServerConfiguration {
    /// `idleTimeout` for the HTTP server's channel configuration: the composition root builds the
    /// server with `.http1(configuration: .init(idleTimeout: configuration.idleTimeAmount))`, so
    /// a client that sends its request head slowly, or idles on a kept-alive connection, is cut.
    public var idleTimeAmount: TimeAmount {
        let parts = idleTimeout.components
        return .nanoseconds(max(1, parts.seconds * 1_000_000_000 + parts.attoseconds / 1_000_000_000))
    }
}
