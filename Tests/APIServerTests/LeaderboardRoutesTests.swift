import APIModels
import APIServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Testing

/// The leaderboard as the routes serve it from the cache in `Leaderboard` (over the in-memory
/// reader): a frozen board shows the public its snapshot and organizers the live rows; an ETag
/// match answers 304; every organizer action is visible to the next reader.
struct LeaderboardRoutesTests {
    static func row(rank: Int, team: String) throws -> String {
        let row = LeaderboardRow(
            rank: rank, teamId: Int64(rank), team: team, status: "scored", score: "1", scoreCi95: nil, pnl: "1",
            fees: "0", funding: "0", trades: 1, liquidations: 0, maxDrawdown: "0", submissionId: Int64(rank),
            submissionSha256: "sha", submittedAt: Date(timeIntervalSince1970: 0), fault: nil, runs: [])
        return String(decoding: try APIJSON.encoder().encode(row), as: UTF8.self)
    }

    @Test func frozenBoardsShowThePublicTheSnapshotAndOrganizersTheLiveRows() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(client, organizer: organizer, yaml: APIFixture.contestYAML(id: "board"))
            fixture.arena.setBoard(contestId: "board", rows: [try Self.row(rank: 1, team: "early")], evaluationId: 1)
            #expect(try await client.call(.post, "/v1/admin/contests/board/freeze", token: organizer).status == .ok)
            fixture.arena.setBoard(
                contestId: "board", rows: [try Self.row(rank: 1, team: "late"), try Self.row(rank: 2, team: "early")],
                evaluationId: 2)

            let publicReply = try await client.call(.get, "/v1/contests/board/leaderboard")
            let publicView = try publicReply.decode(LeaderboardView.self)
            #expect(publicView.state == "frozen" && publicView.rows.map(\.team) == ["early"])
            #expect(publicView.evaluationId == 1)
            #expect(publicReply.headers[.cacheControl] == "public, max-age=1")

            let organizerView = try await client.call(.get, "/v1/contests/board/leaderboard", token: organizer)
                .decode(LeaderboardView.self)
            #expect(organizerView.state == "live" && organizerView.rows.map(\.team) == ["late", "early"])

            let etag = try #require(publicReply.headers[.eTag])
            var headers = HTTPFields()
            headers[.ifNoneMatch] = etag
            let again = try await client.client.execute(
                uri: "/v1/contests/board/leaderboard", method: .get, headers: headers)
            #expect(again.status == .notModified)

            #expect(try await client.call(.post, "/v1/admin/contests/board/unfreeze", token: organizer).status == .ok)
            let live = try await client.call(.get, "/v1/contests/board/leaderboard").decode(LeaderboardView.self)
            #expect(live.state == "live" && live.rows.count == 2)
            #expect(fixture.arena.auditActions.suffix(2) == ["leaderboard.frozen", "leaderboard.unfrozen"])
        }
    }

    @Test func pagesAreBoundedAndUnknownContestsAre404() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let bad = try await client.call(.get, "/v1/contests/board/leaderboard?page_size=501")
            #expect(bad.status == .badRequest)
            #expect(try ErrorShape.code(bad) == "invalid_parameter")
            let missing = try await client.call(.get, "/v1/contests/none/leaderboard")
            #expect(missing.status == .notFound)
            try ErrorShape.expect(missing, "unknown contest board")
            let stream = try await client.call(.get, "/v1/contests/none/leaderboard/stream")
            #expect(stream.status == .notFound)
        }
    }
}
