import APIModels
import APIServer
import AuditLog
import BundleKit
import Crypto
import Foundation
import Hummingbird
import HummingbirdTesting
import JobRunner
import Storage
import Testing

/// Issue 13, server side, against real PostgreSQL with the API as `arena_api` and the runner as
/// `arena_runner`: publication seals the contest, the signed board never moves, an amendment is
/// a new signed version naming its predecessor.
@Suite(.serialized)
struct SealedResultsTests {
    @Test func afterPublicationSubmissionsAndRegistrationsGet409() async throws {
        try await SealedContest.with(id: "sealed") { contest in
            let client = contest.client
            let late = try await client.call(
                .post, "/v1/submissions", token: contest.tokens[0], body: try SealedContest.bundle(variant: 99))
            #expect(late.status == .conflict, "\(late.text)")
            #expect(try late.decode(APIErrorBody.self).error.code == "contest_closed")
            let registration = try await client.json(
                .post, "/v1/contests/sealed/teams", TeamRegistrationRequest(name: "latecomer"))
            #expect(registration.status == .conflict, "\(registration.text)")
            #expect(try registration.decode(APIErrorBody.self).error.code == "contest_closed")
            // The database refuses on its own, whoever connects (here: the owner).
            let team = contest.teamIds[0]
            let direct = await RoleFixture.failure(
                contest.fixture.owner,
                "INSERT INTO submissions (team_id, contest_id, sha256, runtime, bundle, status) VALUES (\(team), 'sealed', 'x', 'rules', '\\x00', 'received')"
            )
            #expect(direct == "PA409")
            let directTeam = await RoleFixture.failure(
                contest.fixture.owner, "INSERT INTO teams (contest_id, name) VALUES ('sealed', 'backdoor')")
            #expect(directTeam == "PA409")
            let evaluation = await RoleFixture.failure(
                contest.fixture.owner,
                "INSERT INTO evaluations (contest_id, status, seed_commitment) VALUES ('sealed', 'running', repeat('0', 64))"
            )
            #expect(evaluation == "PA409")
        }
    }

    @Test func phasesCloseSubmissionsAndRegistrationsWithTheirTimes() async throws {
        try await RoleFixture.with { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.router) { raw in
                let client = TestClient(client: raw)
                let organizer = try await fixture.organizerToken()
                let yaml = ServiceFixture.contestYAML(
                    id: "later",
                    phases:
                        #"[{name: trading, starts_at: "2031-01-01T00:00:00Z", ends_at: "2031-02-01T00:00:00Z"}, {name: signup, registration: true, submissions: false}]"#
                )
                let created = try await client.call(
                    .post, "/v1/admin/contests", token: organizer, body: Array(yaml.utf8))
                #expect(created.status == .created, "\(created.text)")
                let registered = try await client.json(
                    .post, "/v1/contests/later/teams", TeamRegistrationRequest(name: "early-bird"))
                #expect(registered.status == .created, "registration is open in the signup phase")
                let token = try registered.decode(TeamRegistrationResponse.self).token
                let submitted = try await client.call(
                    .post, "/v1/submissions", token: token, body: try SealedContest.bundle(variant: 1))
                #expect(submitted.status == .conflict, "\(submitted.text)")
                let error = try submitted.decode(APIErrorBody.self).error
                #expect(error.code == "contest_closed")
                #expect(error.message.contains("2031-01-01T00:00:00Z"), "\(error.message)")
            }
        }
    }

    @Test func theServedBoardIsByteIdenticalAfterTenRunnerLoops() async throws {
        try await SealedContest.with(id: "steady") { contest in
            let client = contest.client
            let board = try await client.call(.get, "/v1/contests/steady/board")
            #expect(board.status == .ok, "\(board.text)")
            let leaderboard = try await client.call(.get, "/v1/contests/steady/leaderboard")
            let evaluations = try await RoleFixture.sql(contest.fixture.owner, "SELECT count(*)::text FROM evaluations")
            for loop in 0..<10 {
                // Whatever arrives — an evaluation request, a disqualification — nothing is re-planned.
                try await contest.fixture.owner.enqueueEvaluation(contestId: "steady")
                if loop == 3 {
                    let disqualified = try await client.json(
                        .post, "/v1/admin/teams/\(contest.teamIds[1])/disqualify", token: contest.organizer,
                        DisqualifyRequest(reason: "late finding"))
                    #expect(disqualified.status == .ok, "\(disqualified.text)")
                }
                _ = try await contest.runner.runUntilIdle()
                let again = try await client.call(.get, "/v1/contests/steady/board")
                #expect(again.body == board.body, "loop \(loop): the served board changed")
            }
            #expect(try await client.call(.get, "/v1/contests/steady/board/versions/1").body == board.body)
            let after = try await client.call(.get, "/v1/contests/steady/leaderboard")
            #expect(after.body == leaderboard.body, "the published leaderboard is rendered from the sealed version")
            #expect(
                try await RoleFixture.sql(contest.fixture.owner, "SELECT count(*)::text FROM evaluations")
                    == evaluations)
            let view = try after.decode(LeaderboardView.self)
            #expect(view.state == "final")
            // Not even the owner edits a board version.
            #expect(
                await RoleFixture.failure(contest.fixture.owner, "UPDATE board_versions SET body = '{}'") == "PA403")
            #expect(await RoleFixture.failure(contest.fixture.owner, "DELETE FROM board_versions") == "PA403")
        }
    }

    @Test func anAmendmentIsANewSignedVersionNamingItsPredecessor() async throws {
        try await SealedContest.with(id: "amended") { contest in
            let client = contest.client
            let first = try await client.call(.get, "/v1/contests/amended/board")
            let withoutReason = try await client.call(
                .post, "/v1/admin/contests/amended/amend", token: contest.organizer, body: Array("{}".utf8))
            #expect(withoutReason.status == .badRequest, "\(withoutReason.text)")
            let disqualified = try await client.json(
                .post, "/v1/admin/teams/\(contest.teamIds[0])/disqualify", token: contest.organizer,
                DisqualifyRequest(reason: "shared accounts"))
            #expect(disqualified.status == .ok)
            let amend = try await client.json(
                .post, "/v1/admin/contests/amended/amend", token: contest.organizer,
                AmendmentRequest(reason: "team disqualified for shared accounts"))
            #expect(amend.status == .ok || amend.status == .accepted, "\(amend.text)")
            _ = try await contest.runner.runUntilIdle()

            let latest = try await client.call(.get, "/v1/contests/amended/board")
            let signed = try SignedBoard.decode(canonical: Array(latest.body))
            #expect(signed.snapshot.version == 2)
            #expect(signed.snapshot.reason == "team disqualified for shared accounts")
            #expect(signed.snapshot.amends?.version == 1)
            #expect(signed.snapshot.amends?.sha256.hex == SealedContest.sha256(first.body))
            #expect(signed.snapshot.rows.first { $0.teamID == contest.teamIds[0] }?.status == "disqualified")
            #expect(try await SealedContest.verifies(signed, client: client))
            #expect(try await client.call(.get, "/v1/contests/amended/board/versions/1").body == first.body)
            #expect(try await client.call(.get, "/v1/contests/amended/board/versions/2").body == latest.body)
            let chain = try await contest.fixture.owner.auditChain()
            let amendedEvent = try #require(chain.last { $0.action == "board.amended" })
            #expect(amendedEvent.details["amends_sha256"] == SealedContest.sha256(first.body))
            #expect(amendedEvent.details["reason"] == "team disqualified for shared accounts")
            #expect(AuditChainEntry.verify(chain) == nil)
        }
    }

    @Test func twoEvaluationsDrawDifferentMaterialAndTheRevealMatchesTheCommitments() async throws {
        try await SealedContest.with(id: "commit", evaluations: 2) { contest in
            let client = contest.client
            let owner = contest.fixture.owner
            let materials = try await RoleFixture.sql(
                owner, "SELECT encode(material, 'hex') FROM evaluation_seed_material ORDER BY evaluation_id")
            #expect(materials.count == 2)
            #expect(Set(materials).count == 2, "each evaluation draws its own material")
            let signed = try SignedBoard.decode(
                canonical: Array(try await client.call(.get, "/v1/contests/commit/board").body))
            let seeds = signed.snapshot.seeds
            #expect(seeds.revealMatches)
            #expect(seeds.material.map { Hash256.hex($0) } == materials.last)
            // What was committed before publication (saved by a team) is what the board reveals.
            #expect(contest.commitmentsBefore.count == 2)
            let before = try #require(contest.commitmentsBefore.last)
            #expect(before.material == nil)
            #expect(before.commitment == seeds.commitment)
            for run in signed.snapshot.runs {
                #expect(seeds.heatSeed(round: Int(run.round), heat: Int(run.heat)) == run.seed, "run \(run.runID)")
            }
            // Every evaluation's material is revealed and matches its commitment.
            for evaluation in try await RoleFixture.sql(owner, "SELECT id::text FROM evaluations ORDER BY id") {
                let reply = try await client.call(.get, "/v1/contests/commit/evaluations/\(evaluation)/seeds")
                let revealed = try SeedCommitment.decode(canonical: Array(reply.body))
                #expect(revealed.material != nil && revealed.revealMatches, "evaluation \(evaluation)")
            }
        }
    }
}
