import APIModels
import APIServer
import AuditLog
import BundleKit
import ContestModel
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Integrity
import JobRunner
import Storage
import Testing

/// Issue 18 end to end, against real PostgreSQL with the API as `arena_api` and the runner as
/// `arena_runner`: a donor and a receiver (`Seeds/integrity`) and an honest team play a public
/// and a private round. The runner stores the integrity report when the evaluation completes;
/// organizers read it, teams cannot (a flagged team sees only its flag kinds before
/// publication); the table is append-only for every role; after publication anyone downloads
/// the transcripts and the definition, recomputes the report and gets the served bytes exactly;
/// a review is audited and, after publication, signed into the board as an amendment.
@Suite(.serialized)
struct IntegrityEndToEndTests {
    static let yaml = """
        id: fairplay
        name: Fair play
        market: { instruments: [BTC-PERP, ETH-PERP], tick_ms: 1000 }
        evaluation: { ticks: 120, heat_size: 8, starting_balance: "10000", rounds: [{seed: 11, public: true}, {public: false}] }
        limits: { tick_deadline_ms: 3000, first_tick_deadline_ms: 15000, max_strikes: 5 }
        integrity:
          transfer: { min_usdt: "5", min_fills: 5 }
        """

    @Test func storedReportIsRecomputedByteForByteFromThePublishedTranscripts() async throws {
        try await RoleFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                let created = try await client.call(
                    .post, "/v1/admin/contests", token: organizer, body: Array(Self.yaml.utf8))
                try #require(created.status == .created, "\(created.text)")
                var teams: [String: (token: String, id: Int64)] = [:]
                for (name, bundle) in [
                    ("donor", try Self.bundle("Seeds/integrity/donor")),
                    ("receiver", try Self.bundle("Seeds/integrity/receiver")),
                    ("honest", try Self.bundle("Seeds/strategies/trend-following")),
                ] {
                    let registered = try await client.json(
                        .post, "/v1/contests/fairplay/teams", TeamRegistrationRequest(name: name))
                    let response = try registered.decode(TeamRegistrationResponse.self)
                    teams[name] = (response.token, response.teamId)
                    let submitted = try await client.call(
                        .post, "/v1/submissions", token: response.token, body: bundle)
                    try #require(submitted.status == .accepted, "\(name): \(submitted.text)")
                }
                let runner = fixture.runner()
                _ = try await runner.runUntilIdle()
                let (donor, receiver, honest) = (teams["donor"]!, teams["receiver"]!, teams["honest"]!)

                // Stored by the runner, with its hash; served to organizers byte for byte.
                let stored = try #require(try await fixture.owner.integrityReport(contestId: "fairplay"))
                #expect(stored.sha256 == Hash256.of([UInt8](stored.report)).hex)
                let admin = try await client.call(.get, "/v1/admin/contests/fairplay/integrity", token: organizer)
                try #require(admin.status == .ok, "\(admin.text)")
                #expect(admin.body == stored.report)
                #expect(admin.headers[HTTPField.Name("Arena-Report-SHA256")!] == stored.sha256)
                #expect(admin.headers[HTTPField.Name("Arena-Evaluation-Id")!] == String(stored.evaluationId))
                let report = try IntegrityReport.Stored([UInt8](admin.body))
                #expect(report.flags(team: String(receiver.id)).contains("transfer"), "\(admin.text.prefix(400))")
                #expect(report.flags(team: String(donor.id)).contains("transfer"))
                #expect(report.flags(team: String(honest.id)).isEmpty, "the honest team is not flagged")
                let actions = try await fixture.owner.auditEvents().map(\.action)
                #expect(actions.contains("integrity.reported"))

                // Before publication: no team reads the report, nobody reads the public one.
                for token in [receiver.token, honest.token] {
                    let denied = try await client.call(.get, "/v1/admin/contests/fairplay/integrity", token: token)
                    #expect(denied.status == .forbidden)
                }
                let early = try await client.call(.get, "/v1/contests/fairplay/integrity", token: receiver.token)
                #expect(early.status == .notFound && early.text.contains("not_published"))
                // The flagged team's run report (public round) names its flag, not the donor or evidence.
                let publicRun = try #require(
                    try await RoleFixture.sql(
                        fixture.owner, "SELECT id::text FROM runs WHERE contest_id = 'fairplay' AND seed_public"
                    ).first)
                let flaggedView = try await client.call(.get, "/v1/runs/\(publicRun)/report", token: receiver.token)
                    .decode(RunReportView.self)
                #expect(flaggedView.integrity?.flags.contains("transfer") == true)
                #expect(flaggedView.integrity?.section == nil)
                let flaggedText = try await client.call(.get, "/v1/runs/\(publicRun)/report", token: receiver.token)
                    .text
                #expect(!flaggedText.contains("donor") && !flaggedText.contains(String(donor.id) + "\\\""))
                let honestView = try await client.call(.get, "/v1/runs/\(publicRun)/report", token: honest.token)
                    .decode(RunReportView.self)
                #expect(honestView.integrity == nil)

                // Immutable: the API cannot write it, nobody may change or delete it, the runner
                // cannot store bytes that do not hash to the stated SHA-256.
                for statement in [
                    "UPDATE integrity_reports SET report = '\\x00'", "DELETE FROM integrity_reports",
                    "INSERT INTO integrity_reports (evaluation_id, contest_id, report, sha256, flagged_teams) VALUES (\(stored.evaluationId), 'fairplay', '\\x00', '\(String(repeating: "0", count: 64))', 0)",
                ] {
                    #expect(await RoleFixture.failure(fixture.apiStore, statement) == DatabaseRoleTests.denied)
                }
                #expect(
                    await RoleFixture.failure(fixture.owner, "UPDATE integrity_reports SET flagged_teams = 0")
                        == "PA403")
                #expect(await RoleFixture.failure(fixture.owner, "DELETE FROM integrity_reports") == "PA403")
                #expect(
                    await RoleFixture.failure(fixture.runnerStore, "DELETE FROM integrity_reports")
                        == DatabaseRoleTests.denied)
                #expect(
                    await RoleFixture.failure(
                        fixture.runnerStore,
                        "INSERT INTO integrity_reports (evaluation_id, contest_id, report, sha256, flagged_teams) VALUES (\(stored.evaluationId), 'fairplay', '\\x00', '\(String(repeating: "0", count: 64))', 0)"
                    ) == "PA403")

                // A review before publication: audited, no amendment.
                let review = try await client.json(
                    .post, "/v1/admin/contests/fairplay/integrity/review", token: organizer,
                    IntegrityReviewRequest(
                        decision: "acknowledge", teamId: receiver.id, kind: "transfer", reason: "donor confirmed"))
                try #require(review.status == .ok, "\(review.text)")
                #expect(try review.decode(IntegrityReviewView.self).amendmentJobId == nil)
                let notFlagged = try await client.json(
                    .post, "/v1/admin/contests/fairplay/integrity/review", token: organizer,
                    IntegrityReviewRequest(decision: "clear", teamId: honest.id, kind: "copying", reason: "x"))
                #expect(notFlagged.status == .conflict)

                // Publication: the report is public, and recomputed from public data it is the same bytes.
                let published = try await client.call(.post, "/v1/admin/contests/fairplay/publish", token: organizer)
                try #require(published.status == .ok || published.status == .accepted, "\(published.text)")
                _ = try await runner.runUntilIdle()
                let served = try await client.call(.get, "/v1/contests/fairplay/integrity")
                try #require(served.status == .ok, "\(served.text)")
                #expect(served.body == stored.report)
                let definition = try await client.call(.get, "/v1/contests/fairplay/definition")
                let thresholds = IntegrityThresholds(
                    try ContestDefinition.decode(json: definition.text).integritySettings)
                let board = try SignedBoard.decode(
                    canonical: [UInt8](try await client.call(.get, "/v1/contests/fairplay/board").body))
                #expect(board.snapshot.evaluationID == stored.evaluationId)
                var transcripts: [[UInt8]] = []
                for run in board.snapshot.runs {
                    let transcript = try await client.call(.get, "/v1/runs/\(run.runID)/transcript")
                    try #require(transcript.status == .ok)
                    transcripts.append([UInt8](transcript.body))
                }
                #expect(transcripts.count == 2, "a public and a private round")
                let recomputed = try IntegrityAnalyzer.report(
                    contestID: "fairplay", transcripts: transcripts.reversed(), thresholds: thresholds
                ).encoded()
                #expect(recomputed == [UInt8](served.body), "byte-identical to the server's report")

                // After publication the flagged team's run report carries its part of the report.
                let after = try await client.call(.get, "/v1/runs/\(publicRun)/report", token: receiver.token)
                    .decode(RunReportView.self)
                let section = try #require(after.integrity?.section)
                #expect(section.contains("\"transfer\":[{") && section.contains("\"label\":\"donor\""))
                #expect(
                    Array(section.utf8) == (try IntegrityReport.Stored(recomputed).teamSection(String(receiver.id))))

                // A review after publication is signed into the board's history.
                let cleared = try await client.json(
                    .post, "/v1/admin/contests/fairplay/integrity/review", token: organizer,
                    IntegrityReviewRequest(
                        decision: "acknowledge", teamId: donor.id, kind: "transfer", reason: "donor account"))
                try #require(cleared.status == .ok, "\(cleared.text)")
                #expect(try cleared.decode(IntegrityReviewView.self).amendmentJobId != nil)
                _ = try await runner.runUntilIdle()
                let amended = try SignedBoard.decode(
                    canonical: [UInt8](try await client.call(.get, "/v1/contests/fairplay/board").body))
                #expect(amended.snapshot.version == 2)
                #expect(amended.snapshot.reason?.hasPrefix("integrity: transfer finding of team \(donor.id)") == true)
                #expect(amended.snapshot.rows == board.snapshot.rows, "a review never changes the rows")
                let log = try await fixture.owner.auditEvents().map(\.action)
                #expect(log.filter { $0 == "integrity.acknowledged" }.count == 2)
            }
        }
    }

    /// A seed bundle (rules strategy directory under the repository root), packed.
    static func bundle(_ path: String) throws -> [UInt8] {
        let source = IntegrationHarness.repositoryRoot.appendingPathComponent(path)
        let directory = NSTemporaryDirectory() + "integrity-\(UUID().uuidString.prefix(8))"
        defer { try? FileManager.default.removeItem(atPath: directory) }
        try FileManager.default.copyItem(atPath: source.path, toPath: directory)
        return try BundleArchive.pack(directory: directory, limits: BundleLimits())
    }
}
