import APIModels
import APIServer
import BundleKit
import Foundation
import Hummingbird
import HummingbirdTesting
import JobRunner
import Storage
import Testing

/// A team never loses its standing to a broken upload: every submission plays a validation
/// episode in the real sandbox (as root) before it is ranked; a broken one is rejected uncharged
/// with the Python error and never displaces the team's active entry; the team chooses its entry
/// (`activate`), and re-submitting identical bytes re-activates a submission.
@Suite(.serialized)
struct ActiveEntryTests {
    /// A contest with a short validation episode.
    static func contestYAML(id: String, validation: String = "{ticks: 12}") -> String {
        ServiceFixture.contestYAML(id: id, ticks: 20) + "\nvalidation: \(validation)\n"
    }

    /// A Python bundle whose `bot.py` is `source`.
    static func pythonBundle(_ source: String) throws -> [UInt8] {
        let directory = NSTemporaryDirectory() + "py-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try "name: py\nruntime: python\nentry: bot.py\n".write(
            toFile: directory + "/strategy.yaml", atomically: true, encoding: .utf8)
        try source.write(toFile: directory + "/bot.py", atomically: true, encoding: .utf8)
        return try BundleArchive.pack(directory: directory, limits: BundleLimits())
    }

    /// One `:` missing on line 3.
    static let syntaxError =
        "import perparena as pa\n\nclass Bot(pa.Bot)\n    def on_tick(self, obs):\n        return []\n"
    /// Runs fine, never places an order.
    static let idle =
        "import perparena as pa\n\nclass Bot(pa.Bot):\n    def on_tick(self, obs):\n        return []\n\npa.run(Bot())\n"

    @Test func aBrokenUploadNeverDisplacesTheActiveEntry() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                try await fixture.createContest(client, organizer: organizer, yaml: Self.contestYAML(id: "entry"))
                let team = try await fixture.register(client, contest: "entry", name: "steady")
                let rival = try await fixture.register(client, contest: "entry", name: "rival")
                let runner = fixture.runner(owner: "r1")
                func submit(_ bundle: [UInt8]) async throws -> TestClient.Reply {
                    try await client.call(.post, "/v1/submissions", token: team.token, body: bundle)
                }
                func mine() async throws -> [Int64: SubmissionView] {
                    let list = try await client.call(.get, "/v1/submissions", token: team.token)
                        .decode([SubmissionView].self)
                    return Dictionary(uniqueKeysWithValues: list.map { ($0.id, $0) })
                }
                func boardRow() async throws -> LeaderboardRow? {
                    try await client.call(.get, "/v1/contests/entry/leaderboard").decode(LeaderboardView.self)
                        .rows.first { $0.teamId == team.id }
                }

                // Two good submissions: each is validated, then ranked, and becomes the entry.
                let firstBundle = try ServiceFixture.variantBundle("grid", variant: 1)
                let first = try await submit(firstBundle)
                #expect(first.status == .accepted, "\(first.text)")
                let firstView = try first.decode(SubmissionView.self)
                #expect(firstView.status == "validating", "stays validating until the episode ran")
                #expect(!firstView.active)
                _ = try await runner.runUntilIdle()
                let secondBundle = try ServiceFixture.variantBundle("grid", variant: 2)
                let second = try await submit(secondBundle).decode(SubmissionView.self)
                _ = try await runner.runUntilIdle()
                var views = try await mine()
                #expect(views[firstView.id]?.status == "scored")
                #expect(views[second.id]?.status == "scored")
                #expect(views[second.id]?.active == true && views[firstView.id]?.active == false)
                #expect(
                    views[second.id]?.statusHistory.map(\.status) == [
                        "received", "validating", "queued", "running", "scored",
                    ])
                #expect(
                    views[second.id]?.statusHistory[2].detail?.hasPrefix("validation episode passed: ") == true,
                    "\(views[second.id]?.statusHistory ?? [])")
                let scoredRow = try #require(try await boardRow())
                #expect(scoredRow.submissionId == second.id && scoredRow.status == "scored")
                let evaluations = try await fixture.sql("SELECT count(*)::text FROM evaluations")

                // A Python bundle with a syntax error: rejected by its episode, uncharged, with the
                // Python error and line; the good entry stays on the board with its score.
                let broken = try await submit(try Self.pythonBundle(Self.syntaxError))
                #expect(broken.status == .accepted, "\(broken.text)")
                let brokenId = try broken.decode(SubmissionView.self).id
                _ = try await runner.runUntilIdle()
                let rejected = try await client.call(.get, "/v1/submissions/\(brokenId)", token: team.token)
                    .decode(SubmissionView.self)
                #expect(rejected.status == "rejected")
                #expect(!rejected.charged, "a rejected episode is not charged")
                #expect(!rejected.active)
                let detail = rejected.statusHistory.last?.detail ?? ""
                #expect(detail.hasPrefix("validation episode failed (crashed): the bot crashed at tick 0"), "\(detail)")
                #expect(detail.contains("bot.py, line 3: SyntaxError: expected ':'"), "\(detail)")
                #expect(rejected.validationReport?.contains("class Bot(pa.Bot)") == true, "the log tail")
                #expect(rejected.quota?.used == 2, "only the two good submissions count")
                #expect(try await fixture.sql("SELECT count(*)::text FROM evaluations") == evaluations)
                views = try await mine()
                #expect(views[second.id]?.active == true, "the good entry stays active")
                let kept = try #require(try await boardRow())
                #expect(kept == scoredRow, "and on the board with its score")
                #expect(
                    try await fixture.sql("SELECT action FROM audit_events WHERE subject = 'submission:\(brokenId)'")
                        .contains("submission.rejected"))

                // The team switches back to its first submission; the board follows.
                let refused = try await client.call(
                    .post, "/v1/submissions/\(brokenId)/activate", token: team.token)
                #expect(refused.status == .conflict)
                #expect(try refused.decode(APIErrorBody.self).error.code == "not_activatable")
                let foreign = try await client.call(
                    .post, "/v1/submissions/\(firstView.id)/activate", token: rival.token)
                #expect(foreign.status == .notFound, "another team's submission does not exist for you")
                let used = try await client.call(.post, "/v1/submissions/\(firstView.id)/activate", token: team.token)
                #expect(used.status == .ok, "\(used.text)")
                #expect(try used.decode(SubmissionView.self).active)
                _ = try await runner.runUntilIdle()
                #expect(try await boardRow()?.submissionId == firstView.id)
                views = try await mine()
                #expect(views[firstView.id]?.active == true && views[second.id]?.active == false)

                // Re-submitting the second bundle's bytes re-activates it: no new submission, no charge.
                let count = try await fixture.sql("SELECT count(*)::text FROM submissions")
                let again = try await submit(secondBundle)
                #expect(again.status == .ok, "\(again.text)")
                let againView = try again.decode(SubmissionView.self)
                #expect(againView.id == second.id && againView.active)
                #expect(againView.quota?.used == 2)
                #expect(try await fixture.sql("SELECT count(*)::text FROM submissions") == count)
                _ = try await runner.runUntilIdle()
                #expect(try await boardRow()?.submissionId == second.id)
            }
        }
    }

    @Test func aContestThatRequiresActivityRejectsAnIdleBot() async throws {
        try await ServiceFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                try await fixture.createContest(
                    client, organizer: try await fixture.organizerToken(),
                    yaml: Self.contestYAML(id: "busy", validation: "{ticks: 8, require_activity: true}"))
                let team = try await fixture.register(client, contest: "busy", name: "idler")
                let idle = try await client.call(
                    .post, "/v1/submissions", token: team.token, body: try Self.pythonBundle(Self.idle))
                let idleId = try idle.decode(SubmissionView.self).id
                _ = try await fixture.runner(owner: "r1").runUntilIdle()
                let view = try await client.call(.get, "/v1/submissions/\(idleId)", token: team.token)
                    .decode(SubmissionView.self)
                #expect(view.status == "rejected")
                #expect(!view.charged)
                #expect(
                    view.statusHistory.last?.detail?.hasPrefix("validation episode failed (no_activity):") == true,
                    "\(view.statusHistory)")
                let board = try await client.call(.get, "/v1/contests/busy/leaderboard").decode(LeaderboardView.self)
                #expect(board.rows.isEmpty, "a rejected bot is never ranked")
            }
        }
    }
}
