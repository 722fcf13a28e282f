import APIModels
import APIServer
import Foundation
import HTTPTypes
import Testing

/// 400, 401, 403, 404, 409 and 429 all answer in the one JSON error shape with a stable code.
/// (Every request counts against the address budget first: the 12th call is over it.)
struct ErrorShapeTests {
    @Test func everyRefusalUsesTheOneShapeWithItsCode() async throws {
        var configuration = APIFixture.configuration()
        configuration.addressBurst = 11
        configuration.addressRate = 0.001
        let fixture = APIFixture(configuration: configuration)
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(client, organizer: organizer, yaml: APIFixture.contestYAML(id: "shapes"))
            let registered = try await client.call(
                .post, "/v1/contests/shapes/teams", token: organizer, json: #"{"name": "alpha"}"#)
            #expect(registered.status == .created)
            let team = try registered.decode(TeamRegistrationResponse.self).token
            let cases: [(String, HTTPResponse.Status, String, RouterClient.Reply)] = [
                (
                    "bad id", .badRequest, "invalid_parameter",
                    try await client.call(.get, "/v1/submissions/abc", token: team)
                ),
                (
                    "bad JSON", .badRequest, "invalid_json",
                    try await client.call(.post, "/v1/contests/shapes/teams", token: team, json: "{")
                ),
                ("no token", .unauthorized, "unauthorized", try await client.call(.get, "/v1/me")),
                ("unknown token", .unauthorized, "unauthorized", try await client.call(.get, "/v1/me", token: "pa_x")),
                ("team on admin", .forbidden, "forbidden", try await client.call(.get, "/v1/admin/me", token: team)),
                ("organizer on team", .forbidden, "forbidden", try await client.call(.get, "/v1/me", token: organizer)),
                ("no contest", .notFound, "not_found", try await client.call(.get, "/v1/contests/none", token: team)),
                ("no route", .notFound, "not_found", try await client.call(.get, "/v1/nothing", token: team)),
                (
                    "name taken", .conflict, "team_name_taken",
                    try await client.call(.post, "/v1/contests/shapes/teams", token: team, json: #"{"name": "alpha"}"#)
                ),
                ("rate limited", .tooManyRequests, "rate_limited", try await client.call(.get, "/healthz")),
            ]
            for (label, status, code, reply) in cases {
                #expect(reply.status == status, "\(label): \(reply.status) \(reply.text)")
                try ErrorShape.expect(reply, label)
                #expect(try ErrorShape.code(reply) == code, "\(label)")
            }
            let unknown = try #require(cases.first { $0.0 == "unknown token" }?.3)
            #expect(unknown.headers[.wwwAuthenticate] == "Bearer", "401 names the scheme")
        }
    }

    @Test func readinessFailureIs503InTheSameShape() async throws {
        struct Down: Error {}
        let fixture = APIFixture { throw Down() }
        try await fixture.test { client in
            let reply = try await client.call(.get, "/readyz")
            #expect(reply.status == .serviceUnavailable)
            try ErrorShape.expect(reply, "readyz")
            #expect(try ErrorShape.code(reply) == "not_ready")
            #expect(try await client.call(.get, "/healthz").status == .ok)
        }
    }
}
