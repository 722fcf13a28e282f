import APIModels
import APIServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

/// A definition may link only registered teams, by their exact names: a name linked before it
/// is registered could be taken by whoever registers first, and a typo would link nobody.
@Suite(.serialized)
struct LinkedTeamsAdminTests {
    @Test func linkingRequiresRegisteredTeamsByExactName() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                let base = ServiceFixture.contestYAML(id: "links")
                try await fixture.createContest(client, organizer: organizer, yaml: base)
                _ = try await fixture.register(client, contest: "links", name: "Kappa")
                // A look-alike of "Kappa-2" (Kelvin sign) registers as another team…
                _ = try await fixture.register(client, contest: "links", name: "\u{212A}appa-2")
                let linked = base + "\nintegrity:\n  linked_teams: [[Kappa, Kappa-2]]\n"
                let refused = try await client.call(
                    .post, "/v1/admin/contests", token: organizer, body: Array(linked.utf8))
                // …and does not count as the team the organizer named.
                #expect(refused.status == .unprocessableContent)
                let error = try refused.decode(APIErrorBody.self).error
                #expect(error.code == "unknown_linked_team")
                #expect(error.message.contains("\"Kappa-2\"") && !error.message.contains("\"Kappa\","))
                _ = try await fixture.register(client, contest: "links", name: "Kappa-2")
                let accepted = try await client.call(
                    .post, "/v1/admin/contests", token: organizer, body: Array(linked.utf8))
                #expect(accepted.status == .ok, "\(accepted.text)")
                let definition = try await client.call(.get, "/v1/contests/links/definition")
                #expect(definition.text.contains("\"linked_teams\":[[\"Kappa\",\"Kappa-2\"]]"))
            }
        }
    }
}
