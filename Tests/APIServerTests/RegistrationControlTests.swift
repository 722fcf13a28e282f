import APIModels
import Foundation
import HTTPTypes
import Testing

@testable import APIServer

/// Registration controls from the contest definition: a cap per contest and per client address,
/// invite-only mode with single-use invites issued by organizers, and member addresses (one
/// team per address and contest) when the contest asks for a team size.
struct RegistrationControlTests {
    static func contest(_ id: String, registration: String) -> String {
        """
        id: \(id)
        name: Registration \(id)
        market: { instruments: [BTC-PERP], tick_ms: 1000 }
        evaluation: { ticks: 20, heat_size: 8, starting_balance: "10000", rounds: [{seed: 11, public: true}] }
        registration: \(registration)
        """
    }

    func register(_ client: RouterClient, _ contest: String, _ body: String) async throws -> RouterClient.Reply {
        try await client.call(.post, "/v1/contests/\(contest)/teams", json: body)
    }

    @Test func capsPerContestAndPerAddress() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(
                client, organizer: organizer,
                yaml: Self.contest("capped", registration: "{ max_teams: 3, max_teams_per_address: 2 }"))
            try await fixture.createContest(
                client, organizer: organizer, yaml: Self.contest("full", registration: "{ max_teams: 1 }"))
            #expect(try await register(client, "capped", #"{"name": "a"}"#).status == .created)
            #expect(try await register(client, "capped", #"{"name": "b"}"#).status == .created)
            let third = try await register(client, "capped", #"{"name": "c"}"#)
            #expect(third.status == .forbidden)
            try ErrorShape.expect(third, "per-address cap")
            #expect(try ErrorShape.code(third) == "address_limit")

            #expect(try await register(client, "full", #"{"name": "a"}"#).status == .created)
            let full = try await register(client, "full", #"{"name": "b"}"#)
            #expect(full.status == .conflict)
            #expect(try ErrorShape.code(full) == "contest_full")
            #expect(try await register(client, "full", #"{"name": "a"}"#).status == .conflict, "name taken first")
        }
    }

    @Test func inviteOnlyContestsTakeSingleUseInvites() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(
                client, organizer: organizer, yaml: Self.contest("invited", registration: "{ invite_only: true }"))
            try await fixture.createContest(
                client, organizer: organizer, yaml: Self.contest("capped-none", registration: "{ open: true }"))
            let none = try await register(client, "invited", #"{"name": "a"}"#)
            #expect(none.status == .forbidden)
            #expect(try ErrorShape.code(none) == "invite_required")

            let teamToken = try await fixture.register(client, contest: "capped-none", name: "x").token
            #expect(
                try await client.call(
                    .post, "/v1/admin/contests/invited/invites", token: teamToken, json: #"{"count": 2}"#
                ).status == .forbidden)
            #expect(
                try await client.call(
                    .post, "/v1/admin/contests/invited/invites", token: organizer, json: #"{"count": 0}"#
                ).status == .badRequest)
            let issued = try await client.call(
                .post, "/v1/admin/contests/invited/invites", token: organizer, json: #"{"count": 2}"#)
            #expect(issued.status == .created)
            let batch = try issued.decode(InviteBatch.self)
            #expect(batch.codes.count == 2 && batch.issued == 2 && batch.used == 0)
            #expect(Set(batch.codes).count == 2 && batch.codes.allSatisfy { $0.hasPrefix("pa_inv_") })

            let first = try await register(client, "invited", #"{"name": "a", "invite_code": "\#(batch.codes[0])"}"#)
            #expect(first.status == .created)
            let reused = try await register(client, "invited", #"{"name": "b", "invite_code": "\#(batch.codes[0])"}"#)
            #expect(reused.status == .forbidden, "an invite is used once")
            #expect(try ErrorShape.code(reused) == "invite_required")
            #expect(
                try await register(client, "invited", #"{"name": "b", "invite_code": "\#(batch.codes[1])"}"#).status
                    == .created)
            let totals = try await client.call(
                .post, "/v1/admin/contests/invited/invites", token: organizer, json: #"{"count": 1}"#
            ).decode(InviteBatch.self)
            #expect(totals.issued == 3 && totals.used == 2)
            #expect(fixture.arena.auditActions.filter { $0 == "invites.issued" }.count == 2)
        }
    }

    @Test func membersAreRequiredAndUniquePerContest() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(
                client, organizer: organizer,
                yaml: Self.contest("teams", registration: "{ team_size: { min: 1, max: 2 } }"))
            let missing = try await register(client, "teams", #"{"name": "a"}"#)
            #expect(missing.status == .badRequest)
            #expect(try ErrorShape.code(missing) == "invalid_members")
            let tooMany = try await register(
                client, "teams", #"{"name": "a", "members": ["a@x.org", "b@x.org", "c@x.org"]}"#)
            #expect(tooMany.status == .badRequest)
            #expect(
                try await register(client, "teams", #"{"name": "a", "members": ["not-an-address"]}"#).status
                    == .badRequest)
            #expect(
                try await register(client, "teams", #"{"name": "a", "members": ["Ann@Example.org", "bo@x.org"]}"#)
                    .status == .created)
            let taken = try await register(client, "teams", #"{"name": "b", "members": ["ann@example.ORG"]}"#)
            #expect(taken.status == .conflict)
            #expect(try ErrorShape.code(taken) == "member_taken")
        }
    }
}
