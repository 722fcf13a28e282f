import APIModels
import Foundation
import HTTPTypes
import Testing

@testable import APIServer

/// Every page and asset carries the strict policy and escapes every team-supplied string; pages
/// show ranks, names and the run's verification, and leak nothing before publication.
struct WebPageTests {
    static let hostile = WebRunFixture.hostile
    static let escaped = "&lt;img src=x onerror=alert(1)&gt;"

    static func row(rank: Int, team: Int64, name: String, run: Int64) throws -> String {
        let row = LeaderboardRow(
            rank: rank, teamId: team, team: name, status: rank == 1 ? "scored" : "failed", score: "12.5",
            scoreCi95: "1.5", pnl: "12.5", fees: "0", funding: "0", trades: 3, liquidations: 0, maxDrawdown: "2",
            submissionId: 1, submissionSha256: String(repeating: "ab", count: 32),
            submittedAt: Date(timeIntervalSince1970: 0),
            fault: rank == 1 ? nil : "\"><script>alert(2)</script>",
            runs: [
                RunProvenance(
                    runId: run, round: 0, heat: 0, seed: "11", score: "12.5", transcriptRoot: "root",
                    transcriptUrl: "/v1/runs/\(run)/transcript", attestationUrl: "/v1/runs/\(run)/attestation")
            ])
        return String(decoding: try APIJSON.encoder().encode(row), as: UTF8.self)
    }

    /// A contest `web` with a hostile team and a friendly one, a recorded run and a board.
    static func setUp(_ fixture: APIFixture, _ client: RouterClient) async throws -> (
        organizer: String, hostile: (token: String, id: Int64), friendly: (token: String, id: Int64), run: Int64
    ) {
        let organizer = fixture.arena.addOrganizer()
        try await fixture.createContest(client, organizer: organizer, yaml: APIFixture.contestYAML(id: "web"))
        let hostile = try await fixture.register(client, contest: "web", name: "<img src=x onerror=alert(1)>")
        let friendly = try await fixture.register(client, contest: "web", name: "Trend Riders")
        let outsider = try await fixture.register(client, contest: "web", name: "Outsider")
        let run = fixture.arena.addRun(contestId: "web", teams: [friendly.id, hostile.id])
        fixture.arena.store(
            try WebRunFixture(
                teams: [friendly.id, hostile.id, outsider.id + 1000], labels: ["Trend Riders", Self.hostile, "ghost"]),
            runId: run)
        fixture.arena.setBoard(
            contestId: "web",
            rows: [
                try row(rank: 1, team: friendly.id, name: "Trend Riders", run: run),
                try row(rank: 2, team: hostile.id, name: Self.hostile, run: run),
            ], evaluationId: 1)
        return (organizer, hostile, friendly, run)
    }

    @Test func everyPageHasTheStrictPolicyAndEscapesTeamNames() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let (organizer, hostile, _, run) = try await Self.setUp(fixture, client)
            #expect(
                try await client.call(.post, "/v1/admin/contests/web/publish", token: organizer).status.code < 300)
            let pages = [
                "/", "/contests/web", "/contests/web/leaderboard", "/contests/web/teams/\(hostile.id)", "/runs/\(run)",
            ]
            let assets = ["/assets/site.css", "/assets/leaderboard.js", "/assets/replay.js", "/assets/icon.svg"]
            for path in pages + assets + ["/contests/none"] {
                let reply = try await client.call(.get, path)
                #expect(reply.status == (path == "/contests/none" ? .notFound : .ok), "\(path)")
                let policy = reply.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                #expect(policy.contains("default-src 'self'") && policy.contains("frame-ancestors 'none'"), "\(path)")
                #expect(!policy.contains("unsafe-inline") && !policy.contains("unsafe-eval"), "\(path)")
                #expect(reply.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff", "\(path)")
                #expect(reply.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer", "\(path)")
                guard !path.hasPrefix("/assets/") else { continue }
                #expect(reply.headers[.contentType] == "text/html; charset=utf-8")
                #expect(!reply.text.contains("<img") && !reply.text.contains("<script>"), "\(path): no injected markup")
                #expect(!reply.text.contains(" style="), "\(path): no inline style")
                #expect(!reply.text.contains("onerror=alert(1)>"), "\(path)")
            }
            let board = try await client.call(.get, "/contests/web/leaderboard").text
            #expect(board.contains(Self.escaped) && board.contains("Trend Riders"))
            #expect(board.contains("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"), "fault codes are escaped too")
            let first = try #require(board.range(of: "Trend Riders"))
            let second = try #require(board.range(of: Self.escaped))
            #expect(first.lowerBound < second.lowerBound, "rows in rank order")
            #expect(board.contains("<td class=\"num\">1</td>") && board.contains("12.5 ± 1.5"))
            #expect(board.contains("href=\"/runs/\(run)\""))
            let team = try await client.call(.get, "/contests/web/teams/\(hostile.id)").text
            #expect(team.contains("<h1 class=\"team-name\">\(Self.escaped)</h1>") && team.contains("run \(run)"))
            let replay = try await client.call(.get, "/runs/\(run)").text
            #expect(replay.contains(Self.escaped) && replay.contains("arena verify \(run) --server http://"))
            #expect(replay.contains("✔ verified"), "a published run renders its verification without JavaScript")
            #expect(
                replay.contains("<strong>liquidation</strong> — Trend") == false
                    && replay.contains("<strong>liquidation</strong>"))
            let contest = try await client.call(.get, "/contests/web").text
            #expect(contest.contains("Attestation keys") && contest.contains("BTC-PERP, ETH-PERP"))
        }
    }

    @Test func theReplayPageShowsNothingBeforePublication() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let (_, _, _, run) = try await Self.setUp(fixture, client)
            let page = try await client.call(.get, "/runs/\(run)")
            #expect(page.status == .ok && page.headers[.cacheControl] == "no-store")
            #expect(!page.text.contains("Trend Riders") && !page.text.contains(Self.escaped))
            #expect(page.text.contains("not public yet"))
        }
    }
}
