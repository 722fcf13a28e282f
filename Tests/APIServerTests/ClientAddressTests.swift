import Testing

@testable import APIServer

/// The client address behind the per-address budgets: the socket peer, `X-Forwarded-For` only
/// from configured trusted proxies (read from the right), IPv6 keyed by /64.
struct ClientAddressTests {
    @Test func forwardedForIsIgnoredWithoutTrustedProxies() {
        let resolver = ClientAddressResolver()
        #expect(resolver.key(peer: "203.0.113.7", forwardedFor: ["198.51.100.1"]) == "203.0.113.7")
        #expect(resolver.key(peer: nil, forwardedFor: ["198.51.100.1"]) == "unknown")
    }

    @Test func trustedProxiesAreSkippedFromTheRight() throws {
        let resolver = ClientAddressResolver(trustedProxies: [try #require(IPNetwork("10.0.0.0/8"))])
        // Spoofed leftmost entry, the real client added by the (trusted) proxy at the right.
        #expect(
            resolver.key(peer: "10.1.2.3", forwardedFor: ["1.1.1.1, 198.51.100.9"]) == "198.51.100.9")
        #expect(resolver.key(peer: "10.1.2.3", forwardedFor: ["198.51.100.9", "10.9.9.9"]) == "198.51.100.9")
        #expect(resolver.key(peer: "10.1.2.3", forwardedFor: []) == "10.1.2.3")
        #expect(resolver.key(peer: "10.1.2.3", forwardedFor: ["garbage"]) == "10.1.2.3")
        // A peer that is not a trusted proxy cannot choose its key.
        #expect(resolver.key(peer: "198.51.100.2", forwardedFor: ["1.1.1.1"]) == "198.51.100.2")
    }

    @Test func ipv6IsKeyedBySlash64AndMappedIPv4AsIPv4() throws {
        let resolver = ClientAddressResolver()
        #expect(resolver.key(peer: "2001:db8:1:2:aaaa::1", forwardedFor: []) == "2001:db8:1:2::/64")
        #expect(resolver.key(peer: "2001:db8:1:2:bbbb::9", forwardedFor: []) == "2001:db8:1:2::/64")
        #expect(resolver.key(peer: "::ffff:192.0.2.5", forwardedFor: []) == "192.0.2.5")
        let v6 = try #require(IPNetwork("2001:db8::/32"))
        #expect(v6.contains(try #require(IPNetwork.parse("2001:db8:ffff::1"))))
        #expect(!v6.contains(try #require(IPNetwork.parse("2001:db9::1"))))
        #expect(IPNetwork("10.0.0.0/33") == nil && IPNetwork("nonsense") == nil)
    }
}
