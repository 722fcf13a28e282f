import APIModels
import APIServer
import Foundation
import Hummingbird
import HummingbirdTesting
import JobRunner
import Storage
import Testing

/// Final-submission selection: while a `final_selection` phase is open, the selected submission
/// is the one evaluated, not the newest.
@Suite(.serialized)
struct FinalSelectionTests {
    @Test func theSelectedSubmissionIsEvaluatedInsteadOfTheNewest() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                try await fixture.createContest(
                    client, organizer: organizer,
                    yaml: ServiceFixture.contestYAML(
                        id: "finals", phases: "[{name: final, final_selection: true}]"))
                try await fixture.createContest(
                    client, organizer: organizer, yaml: ServiceFixture.contestYAML(id: "open"))
                let team = try await fixture.register(client, contest: "finals", name: "picker")
                let other = try await fixture.register(client, contest: "finals", name: "other")
                let elsewhere = try await fixture.register(client, contest: "open", name: "elsewhere")

                let first = try await client.call(
                    .post, "/v1/submissions", token: team.token,
                    body: try ServiceFixture.variantBundle("grid", variant: 1))
                let firstId = try first.decode(SubmissionView.self).id
                _ = try await fixture.runner(owner: "r1").runUntilIdle()
                let second = try await client.call(
                    .post, "/v1/submissions", token: team.token,
                    body: try ServiceFixture.variantBundle("grid", variant: 2))
                let secondId = try second.decode(SubmissionView.self).id
                let rejected = try await client.call(
                    .post, "/v1/submissions", token: team.token, body: Array("junk".utf8))
                let rejectedId = try rejected.decode(SubmissionView.self).id

                let refused = try await client.call(.post, "/v1/submissions/\(rejectedId)/select", token: team.token)
                #expect(refused.status == .conflict)
                #expect(try refused.decode(APIErrorBody.self).error.code == "not_selectable")
                let foreign = try await client.call(.post, "/v1/submissions/\(firstId)/select", token: other.token)
                #expect(foreign.status == .notFound, "another team's submission does not exist for you")

                let selected = try await client.call(.post, "/v1/submissions/\(firstId)/select", token: team.token)
                #expect(selected.status == .ok, "\(selected.text)")
                #expect(try selected.decode(SubmissionView.self).selected)
                _ = try await fixture.runner(owner: "r2").runUntilIdle()

                let board = try await client.call(.get, "/v1/contests/finals/leaderboard").decode(LeaderboardView.self)
                #expect(board.rows.first?.submissionId == firstId, "the selected submission is ranked")
                let mine = try await client.call(.get, "/v1/submissions", token: team.token).decode(
                    [SubmissionView].self)
                let byId = Dictionary(uniqueKeysWithValues: mine.map { ($0.id, $0) })
                #expect(byId[firstId]?.selected == true)
                #expect(byId[secondId]?.selected == false)
                #expect(byId[secondId]?.status == "superseded")
                #expect(
                    byId[secondId]?.statusHistory.last?.detail == "the team selected another submission for evaluation")

                // A contest without a final-selection phase refuses.
                let submitted = try await client.call(
                    .post, "/v1/submissions", token: elsewhere.token,
                    body: try ServiceFixture.variantBundle("grid", variant: 3))
                let closed = try await client.call(
                    .post, "/v1/submissions/\(try submitted.decode(SubmissionView.self).id)/select",
                    token: elsewhere.token)
                #expect(closed.status == .conflict)
                #expect(try closed.decode(APIErrorBody.self).error.code == "selection_closed")
            }
        }
    }
}
