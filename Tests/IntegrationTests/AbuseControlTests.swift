import APIModels
import APIServer
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

/// Issue 14's caps against real PostgreSQL, through the API connected as `arena_api`:
/// concurrent uploads never exceed the quota or the in-flight cap (the reservation is taken under
/// a per-team advisory lock before the body is read) and the database counters agree; the
/// registration caps hold under concurrency too.
@Suite(.serialized)
struct AbuseControlTests {
    static let quotaContest = ServiceFixture.contestYAML(
        id: "race", limits: "submissions_per_day: 3, max_in_flight: 2, invalid_submissions_per_day: 5")

    /// 30 concurrent uploads of distinct valid bundles against `submissions_per_day: 3,
    /// max_in_flight: 2`: at most 2 accepted, at most 3 charged, every other one 429 with the
    /// reset instant; the database agrees and keeps no reservation.
    @Test func thirtyConcurrentUploadsAgainstQuotaThreeInFlightTwo() async throws {
        try await RoleFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                let created = try await client.call(
                    .post, "/v1/admin/contests", token: organizer, body: Array(Self.quotaContest.utf8))
                #expect(created.status == .created, "\(created.text)")
                let registered = try await client.json(
                    .post, "/v1/contests/race/teams", TeamRegistrationRequest(name: "racer"))
                let team = try registered.decode(TeamRegistrationResponse.self)
                let bundles = try (0..<30).map { try ServiceFixture.variantBundle("trend-following", variant: $0) }
                let started = ContinuousClock.now
                let replies = try await withThrowingTaskGroup(of: TestClient.Reply.self) { group in
                    for bundle in bundles {
                        group.addTask {
                            try await client.call(.post, "/v1/submissions", token: team.token, body: bundle)
                        }
                    }
                    return try await group.reduce(into: []) { $0.append($1) }
                }
                let elapsed = started.duration(to: .now)
                let accepted = replies.filter { $0.status == .accepted }
                let refused = replies.filter { $0.status == .tooManyRequests }
                let reset = ISO8601DateFormatter().string(from: QuotaTests.nextUTCMidnight())
                for reply in refused {
                    let error = try reply.decode(APIErrorBody.self).error
                    #expect(["too_many_in_flight", "quota_exceeded"].contains(error.code))
                    #expect(reply.headers[HTTPField.Name("X-Quota-Resets-At")!] == reset)
                    #expect(error.message.contains(reset))
                }
                let counts = try await RoleFixture.sql(
                    fixture.owner,
                    """
                    SELECT concat_ws(',', count(*), count(*) FILTER (WHERE charged),
                        count(*) FILTER (WHERE status IN ('received', 'validating', 'queued', 'running')),
                        (SELECT count(*) FROM submission_reservations))
                    FROM submissions WHERE team_id = \(team.teamId)
                    """)
                print(
                    "30 concurrent uploads (PostgreSQL): \(accepted.count) × 202, \(refused.count) × 429, "
                        + "other \(replies.count - accepted.count - refused.count); stored,charged,in flight,"
                        + "reservations = \(counts.first ?? "?"); \(elapsed)")
                #expect(accepted.count >= 1 && accepted.count <= 2)
                #expect(accepted.count + refused.count == 30, "\(replies.map(\.status.code))")
                let numbers = (counts.first ?? "").split(separator: ",").compactMap { Int($0) }
                #expect(numbers.count == 4)
                if numbers.count == 4 {
                    #expect(numbers[0] == accepted.count, "refused uploads store nothing")
                    #expect(numbers[1] <= 3 && numbers[1] == accepted.count, "charged")
                    #expect(numbers[2] <= 2, "in flight")
                    #expect(numbers[3] == 0, "no reservation outlives its upload")
                }
                let quota = try await client.call(
                    .get, "/v1/submissions/\(try accepted[0].decode(SubmissionView.self).id)", token: team.token)
                let view = try #require(try quota.decode(SubmissionView.self).quota)
                #expect(view.used == accepted.count && view.inFlight == accepted.count, "the API's counters agree")
            }
        }
    }

    /// Registrations race for the last places of a contest capped at 5 teams (and 3 per address
    /// in another): exactly the cap is registered, the rest get the cap's refusal.
    @Test func registrationCapsHoldUnderConcurrency() async throws {
        try await RoleFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                for (id, registration) in [
                    ("five", "{ max_teams: 5 }"), ("per-address", "{ max_teams_per_address: 3 }"),
                    ("invites", "{ invite_only: true, team_size: { min: 1, max: 2 } }"),
                ] {
                    let yaml = ServiceFixture.contestYAML(id: id) + "\nregistration: \(registration)\n"
                    let created = try await client.call(
                        .post, "/v1/admin/contests", token: organizer, body: Array(yaml.utf8))
                    #expect(created.status == .created, "\(id): \(created.text)")
                }
                for (contest, cap, code) in [("five", 5, "contest_full"), ("per-address", 3, "address_limit")] {
                    let replies = try await withThrowingTaskGroup(of: TestClient.Reply.self) { group in
                        for index in 0..<20 {
                            group.addTask {
                                try await client.json(
                                    .post, "/v1/contests/\(contest)/teams", TeamRegistrationRequest(name: "t\(index)"))
                            }
                        }
                        return try await group.reduce(into: []) { $0.append($1) }
                    }
                    let created = replies.filter { $0.status == .created }.count
                    let codes = Set(
                        try replies.filter { $0.status != .created }.map { try $0.decode(APIErrorBody.self).error.code }
                    )
                    #expect(created == cap, "\(contest): \(created) registered")
                    #expect(codes == [code], "\(contest): \(codes)")
                    let stored = try await RoleFixture.sql(
                        fixture.owner, "SELECT count(*)::text FROM teams WHERE contest_id = '\(contest)'")
                    #expect(stored == ["\(cap)"])
                }

                let batch = try await client.json(
                    .post, "/v1/admin/contests/invites/invites", token: organizer, InviteRequest(count: 1)
                ).decode(InviteBatch.self)
                let code = try #require(batch.codes.first)
                let first = try await client.json(
                    .post, "/v1/contests/invites/teams",
                    TeamRegistrationRequest(name: "a", inviteCode: code, members: ["a@example.org"]))
                #expect(first.status == .created, "\(first.text)")
                let again = try await client.json(
                    .post, "/v1/contests/invites/teams",
                    TeamRegistrationRequest(name: "b", inviteCode: code, members: ["b@example.org"]))
                #expect(try again.decode(APIErrorBody.self).error.code == "invite_required")
                let stored = try await RoleFixture.sql(
                    fixture.owner,
                    "SELECT concat_ws(',', used_by_team IS NOT NULL, (SELECT count(*) FROM team_members)) FROM contest_invites"
                )
                #expect(stored == ["t,1"])
            }
        }
    }
}
