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

    /// Two selections of different submissions of one team at the same time used to collide on
    /// the one-selected-per-team index (a 500 for the loser): they now queue on the team's row.
    @Test func concurrentSelectionsOfOneTeamAllSucceedAndLeaveOneSelected() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                try await fixture.createContest(
                    client, organizer: organizer,
                    yaml: ServiceFixture.contestYAML(id: "race", phases: "[{name: final, final_selection: true}]"))
                let team = try await fixture.register(client, contest: "race", name: "racer")
                var ids: [Int64] = []
                for variant in 1...2 {
                    let response = try await client.call(
                        .post, "/v1/submissions", token: team.token,
                        body: try ServiceFixture.variantBundle("grid", variant: variant))
                    ids.append(try response.decode(SubmissionView.self).id)
                    _ = try await fixture.runner(owner: "r\(variant)").runUntilIdle()
                }
                let store = fixture.store
                for round in 0..<5 {
                    let outcomes = try await withThrowingTaskGroup(of: ArenaStore.SelectionOutcome.self) { group in
                        for index in 0..<8 {
                            let id = ids[(index + round) % 2]
                            group.addTask { try await store.selectSubmission(id: id, teamId: team.id) }
                        }
                        return try await group.reduce(into: []) { $0.append($1) }
                    }
                    #expect(outcomes.count == 8 && outcomes.allSatisfy { $0 == .selected }, "\(outcomes)")
                    let selected = try await store.selectedSubmissionId(teamId: team.id)
                    #expect(selected.map(ids.contains) == true)
                }
            }
        }
    }
}
