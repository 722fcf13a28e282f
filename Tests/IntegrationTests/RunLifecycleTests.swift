import APIModels
import APIServer
import Foundation
import Hummingbird
import HummingbirdTesting
import Storage
import Testing

@testable import JobRunner

/// Platform failures, lease expiry and reruns through the real queue, runner and database.
@Suite(.serialized)
struct RunLifecycleTests {
    @Test func aPlatformFailureIsNeverCharged() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                try await fixture.createContest(
                    client, organizer: organizer, yaml: ServiceFixture.contestYAML(id: "pf"))
                let team = try await fixture.register(client, contest: "pf", name: "victim")
                let submitted = try await client.call(
                    .post, "/v1/submissions", token: team.token,
                    body: try IntegrationHarness.seedBundle("strategies/grid"))
                let id = try submitted.decode(SubmissionView.self).id
                #expect(try submitted.decode(SubmissionView.self).charged)
                try await fixture.validatePending()

                // Every run job gets one attempt, and the runner host cannot write its work
                // directory (a file is in the way): the platform fails. (A team's own broken
                // bundle would only fault that team's slot: BundleStagingTests.)
                _ = try await fixture.sql("ALTER TABLE jobs ALTER COLUMN max_attempts SET DEFAULT 1")
                let blocked = fixture.stateDirectory + "/work-r1"
                try? FileManager.default.removeItem(atPath: blocked)
                #expect(FileManager.default.createFile(atPath: blocked, contents: Data()))
                _ = try await fixture.runner(owner: "r1").runUntilIdle()

                let view = try await client.call(.get, "/v1/submissions/\(id)", token: team.token).decode(
                    SubmissionView.self)
                #expect(view.status == "failed")
                #expect(!view.charged, "a platform failure never costs quota")
                #expect(view.quota?.used == 0)
                #expect(view.statusHistory.map(\.status) == ["received", "validating", "queued", "running", "failed"])
                #expect(try await fixture.sql("SELECT status FROM runs") == ["failed"])
                #expect(try await fixture.sql("SELECT status FROM evaluations") == ["failed"])
                #expect(try await fixture.sql("SELECT count(*)::text FROM run_results") == ["0"])

                // The organizer reruns the failed run once the platform is healthy again.
                try FileManager.default.removeItem(atPath: blocked)
                let runId = try await fixture.sql("SELECT id::text FROM runs")[0]
                let rerun = try await client.call(.post, "/v1/admin/runs/\(runId)/rerun", token: organizer)
                #expect(rerun.status == .accepted, "\(rerun.text)")
                #expect(try rerun.decode(RerunView.self).runStatus == "queued")
                let again = try await client.call(.post, "/v1/admin/runs/\(runId)/rerun", token: organizer)
                #expect(again.status == .conflict)
                #expect(try again.decode(APIErrorBody.self).error.code == "run_in_progress")
                _ = try await fixture.runner(owner: "r2").runUntilIdle()

                let after = try await client.call(.get, "/v1/submissions/\(id)", token: team.token).decode(
                    SubmissionView.self)
                #expect(after.status == "scored")
                #expect(!after.charged, "still not charged after the retry")
                #expect(after.statusHistory.map(\.status).suffix(3) == ["failed", "running", "scored"])
                let board = try await client.call(.get, "/v1/contests/pf/leaderboard").decode(LeaderboardView.self)
                #expect(board.rows.map(\.teamId) == [team.id])
            }
        }
    }

    @Test func aRunnerThatStopsHeartbeatingLosesTheRunToAnother() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                try await fixture.createContest(
                    client, organizer: try await fixture.organizerToken(),
                    yaml: ServiceFixture.contestYAML(id: "lease"))
                var teams: [(token: String, id: Int64)] = []
                for (index, strategy) in ["trend-following", "mean-reversion"].enumerated() {
                    let team = try await fixture.register(client, contest: "lease", name: "t\(index)")
                    let reply = try await client.call(
                        .post, "/v1/submissions", token: team.token,
                        body: try IntegrationHarness.seedBundle("strategies/\(strategy)"))
                    #expect(reply.status == .accepted)
                    teams.append(team)
                }
                // Plan the evaluation, then a runner claims the run job and dies (no heartbeats).
                try await fixture.validatePending()
                let evaluate = try #require(try await fixture.store.claimJob(owner: "planner", lease: .seconds(30)))
                try await EvaluationPlanner(store: fixture.store, logger: fixture.logger).plan(
                    evaluate, owner: "planner")
                let dead = try #require(try await fixture.store.claimJob(owner: "dead-runner", lease: .seconds(1)))
                #expect(dead.kind == .run)
                try await fixture.store.markRunStarted(runId: try #require(dead.runId))

                let survivor = fixture.runner(owner: "survivor")
                #expect(try await survivor.runUntilIdle() == 0, "a live lease is respected")
                try await Task.sleep(for: .milliseconds(1500))
                #expect(try await survivor.runUntilIdle() == 1, "the expired lease is taken over")

                // The dead runner wakes up: it cannot renew nor publish anything.
                #expect(
                    try await fixture.store.heartbeat(jobId: dead.id, owner: "dead-runner", lease: .seconds(30))
                        == false)
                let stale = RunCompletion(
                    jobId: dead.id, owner: "dead-runner", runId: dead.runId ?? 0, engineVersion: "x",
                    configSHA256: "x", transcript: Data(), transcriptRoot: "stale",
                    attestationJSON: "{}", results: [])
                #expect(try await fixture.store.finishRun(stale, rank: { _ in [] }) == .leaseLost)

                #expect(
                    try await fixture.sql("SELECT count(*)::text FROM run_results") == ["2"], "exactly one result set")
                #expect(
                    try await fixture.sql("SELECT attempts::text || ' ' || status FROM jobs WHERE kind = 'run'") == [
                        "2 done"
                    ])
                #expect(
                    try await fixture.sql(
                        "SELECT actor FROM audit_events WHERE action = 'run.completed'") == ["runner:survivor"])
                for team in teams {
                    let mine = try await client.call(.get, "/v1/submissions", token: team.token).decode(
                        [SubmissionView].self)
                    #expect(mine.map(\.status) == ["scored"])
                    #expect(mine.first?.quota == nil && mine.first?.charged == true)
                    let one = try await client.call(.get, "/v1/submissions/\(mine[0].id)", token: team.token)
                    #expect(try one.decode(SubmissionView.self).quota?.used == 1, "charged once, not per attempt")
                }
            }
        }
    }

    @Test func aRerunReplacesResultsOnlyWhenItCompletes() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                try await fixture.createContest(
                    client, organizer: organizer, yaml: ServiceFixture.contestYAML(id: "rerun"))
                let team = try await fixture.register(client, contest: "rerun", name: "solo")
                _ = try await client.call(
                    .post, "/v1/submissions", token: team.token,
                    body: try IntegrationHarness.seedBundle("strategies/breakout"))
                _ = try await fixture.runner(owner: "r1").runUntilIdle()
                let runId = try await fixture.sql("SELECT id::text FROM runs")[0]
                let before = try await fixture.sql("SELECT final_equity::text FROM run_results")

                let rerun = try await client.call(.post, "/v1/admin/runs/\(runId)/rerun", token: organizer)
                #expect(rerun.status == .accepted)
                #expect(try rerun.decode(RerunView.self).runStatus == "complete", "old results stay until replaced")

                // The new attempt fails for good (the runner host cannot write its work directory):
                // the old results and the board stay.
                _ = try await fixture.sql("UPDATE jobs SET max_attempts = 1 WHERE status = 'queued'")
                let blocked = fixture.stateDirectory + "/work-r2"
                try? FileManager.default.removeItem(atPath: blocked)
                #expect(FileManager.default.createFile(atPath: blocked, contents: Data()))
                _ = try await fixture.runner(owner: "r2").runUntilIdle()
                #expect(try await fixture.sql("SELECT status FROM runs") == ["complete"])
                #expect(try await fixture.sql("SELECT final_equity::text FROM run_results") == before)
                #expect(try await fixture.sql("SELECT status FROM submissions") == ["scored"])

                // A rerun that completes replaces the results in the same transaction: one set.
                try FileManager.default.removeItem(atPath: blocked)
                #expect(
                    try await client.call(.post, "/v1/admin/runs/\(runId)/rerun", token: organizer).status == .accepted)
                #expect(try await fixture.runner(owner: "r3").runUntilIdle() == 1)
                #expect(try await fixture.sql("SELECT count(*)::text FROM run_results") == ["1"])
                #expect(
                    try await fixture.sql("SELECT status FROM jobs WHERE kind = 'run' ORDER BY id") == [
                        "done", "failed", "done",
                    ])
                #expect(
                    try await fixture.sql("SELECT runs_done::text FROM evaluations") == ["1"],
                    "a rerun is not counted twice")
                #expect(
                    try await fixture.sql(
                        "SELECT action FROM audit_events WHERE subject = 'run:\(runId)' ORDER BY id") == [
                            "run.completed", "run.rerun_requested", "run.rerun_failed", "run.rerun_requested",
                            "run.recompleted",
                        ])
                let board = try await client.call(.get, "/v1/contests/rerun/leaderboard").decode(LeaderboardView.self)
                #expect(board.rows.count == 1)
                let missing = try await client.call(.post, "/v1/admin/runs/999999/rerun", token: organizer)
                #expect(missing.status == .notFound)
            }
        }
    }
}
