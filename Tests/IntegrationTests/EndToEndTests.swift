import APIModels
import APIServer
import AuditLog
import Foundation
import Hummingbird
import HummingbirdTesting
import JobRunner
import MarketModel
import PostgresNIO
import Storage
import Testing

/// The demo flow through the real components: HTTP registration and submission, the
/// PostgreSQL job queue, a runner with one worker process per team, and the leaderboard JSON.
@Suite(.serialized)
struct EndToEndTests {
    @Test func submissionsFlowToARankedLeaderboard() async throws {
        try await IntegrationHarness.with { harness in
            let app = Application(router: harness.api.router())
            try await app.test(.live) { raw in
                let client = TestClient(client: raw)
                let organizer = try await harness.organizerToken()
                let created = try await client.call(
                    .post, "/v1/admin/contests", token: organizer,
                    body: Array(IntegrationHarness.contestYAML(id: "e2e").utf8))
                #expect(created.status == .created, "\(created.text)")

                var tokens: [String: String] = [:]
                for (team, bundle) in [
                    ("alpha", "strategies/trend-following"), ("beta", "strategies/mean-reversion"),
                    ("gamma", "strategies/market-making"),
                ] {
                    let registered = try await client.json(
                        .post, "/v1/contests/e2e/teams", TeamRegistrationRequest(name: team))
                    #expect(registered.status == .created)
                    let token = try registered.decode(TeamRegistrationResponse.self).token
                    tokens[team] = token
                    let submitted = try await client.call(
                        .post, "/v1/submissions", token: token,
                        body: try IntegrationHarness.seedBundle(bundle))
                    #expect(submitted.status == .accepted, "\(submitted.text)")
                    let view = try submitted.decode(SubmissionView.self)
                    #expect(view.status == "validating", "queued for ranking once its validation episode passed")
                    #expect(view.statusHistory.map(\.status) == ["received", "validating"])
                    #expect(view.quota?.used == 1)
                }

                let processed = try await harness.runner.runUntilIdle()
                #expect(processed == 5, "three validation episodes, one evaluate job and one run job")

                let reply = try await client.call(.get, "/v1/contests/e2e/leaderboard")
                #expect(reply.status == .ok)
                #expect(reply.headers[.eTag] != nil)
                let board = try reply.decode(LeaderboardView.self)
                #expect(board.rows.count == 3)
                #expect(board.rows.map(\.rank) == [1, 2, 3])
                #expect(Set(board.rows.map(\.team)) == ["alpha", "beta", "gamma"])

                let stored = try await meanScores(harness.store)
                for row in board.rows where row.status == "scored" {
                    #expect(row.score == stored[row.teamId].map { Money(units: $0).decimal })
                    #expect(row.runs.count == 1)
                    #expect(row.runs.first?.transcriptRoot?.count == 64)
                    // Heat seeds are hashed from the round's seed, round and heat (never seed + heat).
                    #expect(row.runs.first?.seed == String(SeedDerivation.heatSeed(.publicSeed(11), round: 0, heat: 0)))
                }
                let scored = board.rows.filter { $0.status == "scored" }.compactMap { stored[$0.teamId] }
                #expect(scored == scored.sorted(by: >), "rows are ordered by the pnl metric")

                let again = try await client.call(
                    .get, "/v1/contests/e2e/leaderboard",
                    headers: [.ifNoneMatch: reply.headers[.eTag] ?? ""])
                #expect(again.status == .notModified)

                let mine = try await client.call(.get, "/v1/submissions", token: tokens["alpha"])
                let submissions = try mine.decode([SubmissionView].self)
                #expect(submissions.first?.status == "scored")
                #expect(
                    submissions.first?.statusHistory.map(\.status) == [
                        "received", "validating", "queued", "running", "scored",
                    ])
            }
        }
    }

    private func meanScores(_ store: ArenaStore) async throws -> [Int64: Int64] {
        let rows = try await store.client.query(
            "SELECT team_id, (sum(score) / count(*))::bigint FROM run_results GROUP BY team_id", logger: store.logger)
        var result: [Int64: Int64] = [:]
        for try await (team, mean) in rows.decode((Int64, Int64).self) { result[team] = mean }
        return result
    }
}
