/// Finds the client address of a request and the key its per-address budgets use.
///
/// The peer of the TCP connection is the client, unless the peer is a configured trusted proxy:
/// then `X-Forwarded-For` is read from the right, skipping trusted proxies, and the first other
/// address is the client (entries further left were written by the client and are never
/// trusted). Without trusted proxies the header is ignored, so nobody can pick their own key.
/// IPv6 clients are keyed by their /64 (one subscriber's allocation), IPv4 by the address.
public struct ClientAddressResolver: Sendable {
    public let trustedProxies: [IPNetwork]

    /// - Parameter trustedProxies: networks of reverse proxies whose `X-Forwarded-For` is honoured.
    public init(trustedProxies: [IPNetwork] = []) {
        self.trustedProxies = trustedProxies
    }

    /// The rate-limit key of a request from `peer` (the socket's address, nil when unknown)
    /// carrying `forwardedFor` (every `X-Forwarded-For` value, in order).
    public func key(peer: String?, forwardedFor: [String]) -> String {
        guard let peer, let peerBytes = IPNetwork.parse(peer) else { return "unknown" }
        var client = peerBytes
        if isTrusted(peerBytes) {
            let hops = forwardedFor.flatMap { $0.split(separator: ",").map(String.init) }
            for hop in hops.reversed() {
                guard let bytes = IPNetwork.parse(hop) else { break }
                client = bytes
                if !isTrusted(bytes) { break }
            }
        }
        return Self.key(client)
    }

    /// `a.b.c.d`, or the /64 of an IPv6 address (`2001:db8:1:2::/64`).
    static func key(_ bytes: [UInt8]) -> String {
        guard bytes.count == 16 else { return IPNetwork.format(bytes) }
        let prefix = IPNetwork.format(Array(bytes[0..<8]) + Array(repeating: 0, count: 8))
        return String(prefix.split(separator: ":").prefix(4).joined(separator: ":")) + "::/64"
    }

    private func isTrusted(_ bytes: [UInt8]) -> Bool {
        trustedProxies.contains { $0.contains(bytes) }
    }
}
