import APIModels
import APIServer
import Foundation
import HTTPTypes
import Testing

/// Callers over their request rate get 429 `rate_limited` with `Retry-After`: one budget per
/// token, another per address for anonymous callers; one caller's budget is not another's.
struct RateLimitTests {
    @Test func aTokenOverItsBurstGets429WithRetryAfter() async throws {
        var configuration = APIFixture.configuration()
        configuration.tokenBurst = 3
        configuration.tokenRate = 0.01
        let fixture = APIFixture(configuration: configuration)
        let organizer = fixture.arena.addOrganizer()
        let other = fixture.arena.addOrganizer(name: "other")
        try await fixture.test { client in
            for _ in 0..<3 { #expect(try await client.call(.get, "/v1/admin/me", token: organizer).status == .ok) }
            let limited = try await client.call(.get, "/v1/admin/me", token: organizer)
            #expect(limited.status == .tooManyRequests)
            try ErrorShape.expect(limited, "rate limited")
            #expect(try ErrorShape.code(limited) == "rate_limited")
            let retry = try #require(limited.headers[.retryAfter].flatMap(Int.init))
            #expect(retry >= 1 && retry <= 100, "Retry-After is the seconds until the next token: \(retry)")
            #expect(try await client.call(.get, "/v1/admin/me", token: other).status == .ok, "another token's budget")
            #expect(try await client.call(.get, "/healthz").status == .ok, "anonymous callers have their own budget")
        }
    }

    @Test func anonymousCallersShareTheAddressBudget() async throws {
        var configuration = APIFixture.configuration()
        configuration.addressBurst = 2
        configuration.addressRate = 0.01
        let fixture = APIFixture(configuration: configuration)
        try await fixture.test { client in
            #expect(try await client.call(.get, "/v1/contests").status == .ok)
            #expect(try await client.call(.get, "/healthz").status == .ok)
            let limited = try await client.call(.get, "/v1/keys")
            #expect(limited.status == .tooManyRequests)
            #expect(limited.headers[.retryAfter] != nil)
            try ErrorShape.expect(limited, "anonymous rate limited")
        }
    }
}
