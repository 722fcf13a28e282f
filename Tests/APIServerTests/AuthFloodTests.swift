import APIModels
import Foundation
import HTTPTypes
import Testing

@testable import APIServer

/// Rate limits in layers against invented tokens: per address first, failed authentications
/// throttled per address without a token lookup each, identities limited by team, not by the
/// header they present.
struct AuthFloodTests {
    static func configuration() -> APIServerConfiguration {
        var configuration = APIFixture.configuration()
        configuration.authFailureBurst = 20
        configuration.authFailureRate = 0.001
        return configuration
    }

    /// 3,000 requests to `/v1/me`, each with a different random token, from one address: 401
    /// for the failure burst, then 429 — with one token lookup per 401 and none per 429. A team
    /// that was using its token from the same address is still served.
    @Test func threeThousandBogusTokensAre429AfterTheBurstWithoutALookupEach() async throws {
        let fixture = APIFixture(configuration: Self.configuration())
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(client, organizer: organizer, yaml: APIFixture.contestYAML(id: "flood"))
            let team = try await fixture.register(client, contest: "flood", name: "legit")
            #expect(try await client.call(.get, "/v1/me", token: team.token).status == .ok)
            let before = fixture.arena.identityLookups
            var statuses: [Int: Int] = [:]
            var firstLimited: Int?
            for index in 0..<3_000 {
                let reply = try await client.call(.get, "/v1/me", token: "pa_team_\(UUID().uuidString)")
                statuses[reply.status.code, default: 0] += 1
                if reply.status == .tooManyRequests, firstLimited == nil {
                    firstLimited = index
                    #expect(try ErrorShape.code(reply) == "rate_limited")
                    #expect(Int(reply.headers[.retryAfter] ?? "") ?? 0 >= 1)
                }
            }
            let lookups = fixture.arena.identityLookups - before
            print(
                "bogus-token flood: \(statuses), first 429 at request \(firstLimited ?? -1), token lookups \(lookups)")
            #expect(statuses[401] == 20 && statuses[429] == 2_980)
            #expect(firstLimited == 20)
            #expect(lookups <= 20 * 2, "a lookup per 401 (team and, for pa_org_, organizer), none per 429")
            #expect(try await client.call(.get, "/v1/me", token: team.token).status == .ok, "legit token still served")
            #expect(try await client.call(.get, "/v1/contests").status == .ok, "anonymous reads still served")
        }
    }

    /// The identity budget is the team's: two tokens of the same team (before and after a
    /// rotation) share it, and invented tokens never touch it.
    @Test func theIdentityBudgetIsKeyedByTeamNotByHeader() async throws {
        var configuration = Self.configuration()
        configuration.tokenBurst = 4
        configuration.tokenRate = 0.001
        let fixture = APIFixture(configuration: configuration)
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(client, organizer: organizer, yaml: APIFixture.contestYAML(id: "ident"))
            let team = try await fixture.register(client, contest: "ident", name: "a")
            #expect(try await client.call(.get, "/v1/me", token: team.token).status == .ok)
            let rotated = try await client.call(.post, "/v1/me/token", token: team.token)
            #expect(rotated.status == .created)
            let token = try rotated.decode(TeamRegistrationResponse.self).token
            #expect(try await client.call(.get, "/v1/me", token: token).status == .ok)
            #expect(try await client.call(.get, "/v1/me", token: token).status == .ok)
            let limited = try await client.call(.get, "/v1/me", token: token)
            #expect(limited.status == .tooManyRequests, "the 5th call of the team, across two tokens")
            #expect(fixture.api.limits.perIdentity.count == 2, "two buckets: the organizer's and team:\(team.id)")
            #expect(fixture.api.limits.perIdentity.tokens("team:\(team.id)") < 1)
        }
    }

    /// The address budget comes first, on every request, with or without a token.
    @Test func theAddressBudgetCountsEveryRequest() async throws {
        var configuration = Self.configuration()
        configuration.addressBurst = 3
        configuration.addressRate = 0.001
        let fixture = APIFixture(configuration: configuration)
        let organizer = fixture.arena.addOrganizer()
        try await fixture.test { client in
            #expect(try await client.call(.get, "/healthz").status == .ok)
            #expect(try await client.call(.get, "/v1/admin/me", token: organizer).status == .ok)
            #expect(try await client.call(.get, "/v1/me", token: "pa_team_bogus").status == .unauthorized)
            let limited = try await client.call(.get, "/v1/admin/me", token: organizer)
            #expect(limited.status == .tooManyRequests)
            try ErrorShape.expect(limited, "address budget")
        }
    }
}
