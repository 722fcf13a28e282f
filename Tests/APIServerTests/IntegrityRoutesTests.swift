import APIModels
import APIServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Storage
import Testing

/// The integrity routes over the in-memory store: organizers get the stored bytes with their
/// evaluation and hash; teams get neither the report nor, before publication, anything of
/// another team (only their own flag kinds in their run report); reviews need a reason and a
/// finding that exists, and are audited.
struct IntegrityRoutesTests {
    struct Setup {
        var organizer: String
        var flagged: (token: String, id: Int64)
        var giver: (token: String, id: Int64)
        var honest: (token: String, id: Int64)
        var run: Int64
        var report: [UInt8]
    }

    static func setUp(_ fixture: APIFixture, _ client: RouterClient) async throws -> Setup {
        let organizer = fixture.arena.addOrganizer()
        try await fixture.createContest(client, organizer: organizer, yaml: APIFixture.contestYAML(id: "fair"))
        let flagged = try await fixture.register(client, contest: "fair", name: "receiver")
        let giver = try await fixture.register(client, contest: "fair", name: "donor")
        let honest = try await fixture.register(client, contest: "fair", name: "honest")
        let run = fixture.arena.addRun(contestId: "fair", teams: [flagged.id, giver.id, honest.id])
        let report = InMemoryArena.sampleIntegrityReport(contest: "fair", flagged: flagged.id, giver: giver.id)
        fixture.arena.addIntegrityReport(contestId: "fair", evaluationId: 1, report: report, flagged: 2)
        return Setup(organizer: organizer, flagged: flagged, giver: giver, honest: honest, run: run, report: report)
    }

    @Test func organizersGetTheStoredBytesWithEvaluationAndHash() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let setup = try await Self.setUp(fixture, client)
            let reply = try await client.call(.get, "/v1/admin/contests/fair/integrity", token: setup.organizer)
            #expect(reply.status == .ok)
            #expect([UInt8](reply.body) == setup.report)
            let sha = try #require(reply.headers[HTTPField.Name("Arena-Report-SHA256")!])
            #expect(reply.headers[HTTPField.Name("Arena-Evaluation-Id")!] == "1")
            #expect(reply.headers[.eTag] == "\"\(sha)\"")
            #expect(reply.headers[.cacheControl] == "private, no-store")
            let bad = try await client.call(
                .get, "/v1/admin/contests/fair/integrity?evaluation=abc", token: setup.organizer)
            #expect(bad.status == .badRequest)
            let missing = try await client.call(
                .get, "/v1/admin/contests/fair/integrity?evaluation=99", token: setup.organizer)
            #expect(missing.status == .notFound && missing.text.contains("no_integrity_report"))
            let unknown = try await client.call(.get, "/v1/admin/contests/nope/integrity", token: setup.organizer)
            #expect(unknown.status == .notFound)
        }
    }

    @Test func teamsCannotReadTheReportAndNobodyReadsItBeforePublication() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let setup = try await Self.setUp(fixture, client)
            for token in [setup.flagged.token, setup.giver.token, setup.honest.token] {
                let admin = try await client.call(.get, "/v1/admin/contests/fair/integrity", token: token)
                #expect(admin.status == .forbidden)
                #expect(!admin.text.contains("net_usdt"))
            }
            #expect(try await client.call(.get, "/v1/admin/contests/fair/integrity").status == .unauthorized)
            for token in [nil, setup.flagged.token, setup.organizer] {
                let early = try await client.call(.get, "/v1/contests/fair/integrity", token: token)
                #expect(early.status == .notFound && early.text.contains("not_published"))
                #expect(!early.text.contains("net_usdt"))
            }
        }
    }

    @Test func aFlaggedTeamSeesOnlyItsFlagKindsBeforePublicationAndItsSectionAfter() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let setup = try await Self.setUp(fixture, client)
            let path = "/v1/runs/\(setup.run)/report"
            let before = try await client.call(.get, path, token: setup.flagged.token)
            let view = try before.decode(RunReportView.self)
            #expect(view.integrity?.flags == ["transfer"])
            #expect(view.integrity?.section == nil)
            #expect(view.integrity?.evaluationId == 1)
            #expect(!before.text.contains("team-\(setup.giver.id)"), "the other team is not named before publication")
            #expect(!before.text.contains("80.00000000"), "no evidence before publication")
            let honest = try await client.call(.get, path, token: setup.honest.token).decode(RunReportView.self)
            #expect(honest.integrity == nil)
            #expect(!(try await client.call(.get, path, token: setup.honest.token).text.contains("integrity")))

            #expect(
                try await client.call(.post, "/v1/admin/contests/fair/publish", token: setup.organizer).status == .ok)
            let after = try await client.call(.get, path, token: setup.flagged.token).decode(RunReportView.self)
            let section = try #require(after.integrity?.section)
            #expect(section.contains("\"net_usdt\":\"80.00000000\"") && section.contains("team-\(setup.giver.id)"))
            #expect(section.hasPrefix("{\"contest_id\":\"fair\",\"copying\":[],\"format\":\"perparena-integrity/1\""))
        }
    }

    @Test func reviewsNeedAReasonAndAFindingAndAreAudited() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let setup = try await Self.setUp(fixture, client)
            let path = "/v1/admin/contests/fair/integrity/review"
            func review(_ decision: String, _ team: Int64, _ kind: String, _ reason: String) async throws
                -> RouterClient.Reply
            {
                try await client.call(
                    .post, path, token: setup.organizer,
                    json:
                        #"{"decision": "\#(decision)", "team_id": \#(team), "kind": "\#(kind)", "reason": "\#(reason)"}"#
                )
            }
            #expect(try await review("clear", setup.flagged.id, "transfer", " ").status == .badRequest)
            #expect(try await review("ignore", setup.flagged.id, "transfer", "x").status == .badRequest)
            #expect(try await review("clear", setup.flagged.id, "insider", "x").status == .badRequest)
            let notFlagged = try await review("clear", setup.honest.id, "transfer", "x")
            #expect(notFlagged.status == .conflict && notFlagged.text.contains("not_flagged"))
            #expect(try await review("clear", setup.flagged.id, "wash", "x").status == .conflict)
            let asTeam = try await client.call(
                .post, path, token: setup.flagged.token,
                json: #"{"decision": "clear", "team_id": \#(setup.flagged.id), "kind": "transfer", "reason": "me"}"#)
            #expect(asTeam.status == .forbidden, "a team cannot clear its own flag")
            #expect(!fixture.arena.auditActions.contains { $0.hasPrefix("integrity.") })

            let done = try await review("clear", setup.flagged.id, "transfer", "market maker and taker")
            #expect(done.status == .ok)
            let view = try done.decode(IntegrityReviewView.self)
            #expect(view.decision == "cleared" && view.evaluationId == 1 && view.amendmentJobId == nil)
            #expect(view.reportSha256 == TokenHash.hex(Data(setup.report)))
            #expect(fixture.arena.auditActions.last == "integrity.cleared")
        }
    }
}
