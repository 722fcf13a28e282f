import APIModels
import APIServer
import AsyncHTTPClient
import Foundation
import Hummingbird
import HummingbirdTesting
import JobRunner
import NIOHTTP1
import Prometheus
import Storage
import Testing

/// Every route for every role: anonymous, team A, team B (another team of the same contest) and
/// an organizer. A team never reads another team's submissions, reports or logs; transcripts
/// and attestations are organizer-only until results are published.
@Suite(.serialized)
struct AuthorizationTests {
    enum Role: Int, CaseIterable { case anonymous, teamA, teamB, organizer }

    struct Row {
        var method: HTTPMethod
        /// The route as documented, e.g. `/v1/runs/{id}/report`.
        var route: String
        var path: String
        /// Expected status for anonymous, team A, team B, organizer.
        var expected: [Int]
        var body: (@Sendable (Role) -> [UInt8])?
        var contentType = "application/json"
        var stream = false
    }

    @Test func everyRouteAnswersEveryRoleAsSpecified() async throws {
        var configuration = APIServerConfiguration(
            tokenRate: 10_000, tokenBurst: 10_000, addressRate: 10_000,
            addressBurst: 10_000, leaderboardCacheMilliseconds: 0)
        configuration.metricsRegistry = PrometheusCollectorRegistry()
        try await ServiceFixture.with(configuration: configuration) { fixture in
            let app = Application(router: fixture.api.router())
            try await app.test(.live) { raw in
                let client = TestClient(client: raw)
                let live = LiveCaller(baseURL: "http://127.0.0.1:\(raw.port ?? 0)", client: .shared)
                let organizer = try await fixture.organizerToken()
                try await fixture.createContest(
                    client, organizer: organizer,
                    yaml: ServiceFixture.contestYAML(
                        id: "authz", phases: "[{name: final, final_selection: true}]"))
                let teamA = try await fixture.register(client, contest: "authz", name: "alpha-secret")
                let teamB = try await fixture.register(client, contest: "authz", name: "beta")
                let teamC = try await fixture.register(client, contest: "authz", name: "gamma")
                let submitted = try await client.call(
                    .post, "/v1/submissions", token: teamA.token,
                    body: try IntegrationHarness.seedBundle("strategies/grid"))
                let submission = try submitted.decode(SubmissionView.self)
                _ = try await fixture.runner(owner: "authz-runner").runUntilIdle()
                let run = try #require(try await fixture.store.runs(teamId: teamA.id).first).id
                let tokens: [Role: String] = [.teamA: teamA.token, .teamB: teamB.token, .organizer: organizer]

                let rows = Self.table(submission: submission.id, run: run, teamC: teamC.id)
                var covered = Set<String>()
                for row in rows {
                    covered.insert("\(row.method.rawValue) \(row.route)")
                    for role in Role.allCases {
                        let reply = try await live.call(
                            row.method, row.path, token: tokens[role], body: row.body?(role),
                            contentType: row.contentType, firstChunkOnly: row.stream)
                        #expect(
                            reply.status == row.expected[role.rawValue],
                            "\(row.method) \(row.path) as \(role): \(reply.status) \(reply.text.prefix(200))")
                        if row.method == .POST, row.route == "/v1/submissions", reply.status == 422 {
                            // A rejected bundle answers with the submission itself (status `rejected`).
                            let view = try APIJSON.decoder().decode(SubmissionView.self, from: reply.body)
                            #expect(view.status == "rejected" && view.teamId == (role == .teamA ? teamA.id : teamB.id))
                        } else if reply.status >= 400 {
                            let error = try? APIJSON.decoder().decode(APIErrorBody.self, from: reply.body)
                            #expect(error != nil, "\(row.path) as \(role): error in the one JSON shape")
                            #expect(
                                !reply.text.contains("alpha-secret") && !reply.text.contains(submission.sha256),
                                "no other team's data in errors")
                            #expect(!reply.text.contains("SELECT") && !reply.text.contains("/tmp/"))
                        }
                        if role == .teamB, row.path == "/v1/submissions" || row.path == "/v1/runs" {
                            #expect(
                                !reply.text.contains("\"id\":\(submission.id),")
                                    && !reply.text.contains("\"run_id\":\(run),"),
                                "team B's lists hold none of team A's entries")
                        }
                    }
                }
                let routes = Set(fixture.api.router().routes.map { "\($0.method.rawValue) \($0.path)" })
                #expect(routes.subtracting(covered).isEmpty, "routes without authorization rows")
                #expect(covered.subtracting(routes).isEmpty, "rows for routes that do not exist")
            }
        }
    }

    static func table(submission: Int64, run: Int64, teamC: Int64) -> [Row] {
        let all200 = [200, 200, 200, 200]
        let teamOnly = [401, 200, 200, 403]
        let ownerOnly = [401, 200, 404, 403]
        let organizerOnly = [401, 403, 403, 200]
        let beforePublication = [403, 403, 403, 200]
        func json(_ text: String) -> @Sendable (Role) -> [UInt8] { { _ in Array(text.utf8) } }
        let c = "/v1/admin/contests/authz"
        return [
            Row(method: .GET, route: "/healthz", path: "/healthz", expected: all200),
            Row(method: .GET, route: "/readyz", path: "/readyz", expected: all200),
            Row(method: .GET, route: "/metrics", path: "/metrics", expected: organizerOnly),
            Row(method: .GET, route: "/v1/openapi.json", path: "/v1/openapi.json", expected: all200),
            Row(method: .GET, route: "/v1/contests", path: "/v1/contests", expected: all200),
            Row(method: .GET, route: "/v1/contests/{contest}", path: "/v1/contests/authz", expected: all200),
            Row(
                method: .GET, route: "/v1/contests/{contest}/leaderboard", path: "/v1/contests/authz/leaderboard",
                expected: all200),
            Row(
                method: .GET, route: "/v1/contests/{contest}/leaderboard/stream",
                path: "/v1/contests/authz/leaderboard/stream", expected: all200, stream: true),
            Row(method: .GET, route: "/v1/keys", path: "/v1/keys", expected: all200),
            Row(
                method: .POST, route: "/v1/contests/{contest}/teams", path: "/v1/contests/authz/teams",
                expected: [201, 201, 201, 201], body: { Array(#"{"name": "new-\#($0)"}"#.utf8) }),
            Row(method: .GET, route: "/v1/me", path: "/v1/me", expected: teamOnly),
            Row(
                method: .POST, route: "/v1/submissions", path: "/v1/submissions", expected: [401, 422, 422, 403],
                body: json("not a bundle"), contentType: "application/gzip"),
            Row(method: .GET, route: "/v1/submissions", path: "/v1/submissions", expected: teamOnly),
            Row(
                method: .GET, route: "/v1/submissions/{id}", path: "/v1/submissions/\(submission)", expected: ownerOnly),
            Row(
                method: .POST, route: "/v1/submissions/{id}/select", path: "/v1/submissions/\(submission)/select",
                expected: ownerOnly),
            Row(
                method: .POST, route: "/v1/submissions/{id}/activate", path: "/v1/submissions/\(submission)/activate",
                expected: ownerOnly),
            Row(method: .GET, route: "/v1/runs", path: "/v1/runs", expected: teamOnly),
            Row(method: .GET, route: "/v1/runs/{id}/report", path: "/v1/runs/\(run)/report", expected: ownerOnly),
            Row(method: .GET, route: "/v1/runs/{id}/logs", path: "/v1/runs/\(run)/logs", expected: ownerOnly),
            Row(
                method: .GET, route: "/v1/runs/{id}/transcript", path: "/v1/runs/\(run)/transcript",
                expected: beforePublication),
            Row(
                method: .GET, route: "/v1/runs/{id}/attestation", path: "/v1/runs/\(run)/attestation",
                expected: beforePublication),
            Row(
                method: .POST, route: "/v1/admin/contests", path: "/v1/admin/contests", expected: [401, 403, 403, 201],
                body: json(ServiceFixture.contestYAML(id: "authz-two")), contentType: "application/yaml"),
            Row(method: .GET, route: "/v1/admin/contests/{contest}/teams", path: c + "/teams", expected: organizerOnly),
            Row(
                method: .GET, route: "/v1/admin/contests/{contest}/submissions", path: c + "/submissions",
                expected: organizerOnly),
            Row(method: .GET, route: "/v1/admin/contests/{contest}/runs", path: c + "/runs", expected: organizerOnly),
            Row(
                method: .POST, route: "/v1/admin/contests/{contest}/registration", path: c + "/registration",
                expected: organizerOnly, body: json(#"{"open": true}"#)),
            Row(
                method: .POST, route: "/v1/admin/contests/{contest}/invite", path: c + "/invite",
                expected: organizerOnly,
                body: json(#"{"code": null}"#)),
            Row(
                method: .POST, route: "/v1/admin/contests/{contest}/invites", path: c + "/invites",
                expected: [401, 403, 403, 201], body: json(#"{"count": 1}"#)),
            Row(
                method: .POST, route: "/v1/admin/contests/{contest}/freeze", path: c + "/freeze",
                expected: organizerOnly),
            Row(
                method: .POST, route: "/v1/admin/contests/{contest}/unfreeze", path: c + "/unfreeze",
                expected: organizerOnly),
            Row(
                method: .POST, route: "/v1/admin/contests/{contest}/evaluate", path: c + "/evaluate",
                expected: organizerOnly),
            Row(
                method: .POST, route: "/v1/admin/teams/{id}/disqualify", path: "/v1/admin/teams/\(teamC)/disqualify",
                expected: organizerOnly, body: json(#"{"reason": "authorization test"}"#)),
            Row(
                method: .POST, route: "/v1/admin/teams/{id}/reinstate", path: "/v1/admin/teams/\(teamC)/reinstate",
                expected: organizerOnly),
            Row(
                method: .POST, route: "/v1/admin/runs/{id}/rerun", path: "/v1/admin/runs/\(run)/rerun",
                expected: [401, 403, 403, 202]),
            Row(method: .GET, route: "/v1/admin/audit", path: "/v1/admin/audit", expected: organizerOnly),
            Row(method: .GET, route: "/v1/admin/me", path: "/v1/admin/me", expected: organizerOnly),
            // Integrity: the runner stored the evaluation's report (nobody flagged); organizers
            // only before publication, and a review needs a finding (409 not_flagged).
            Row(
                method: .GET, route: "/v1/admin/contests/{contest}/integrity", path: c + "/integrity",
                expected: organizerOnly),
            Row(
                method: .POST, route: "/v1/admin/contests/{contest}/integrity/review", path: c + "/integrity/review",
                expected: [401, 403, 403, 409],
                body: { _ in
                    Array(#"{"decision": "clear", "team_id": \#(teamC), "kind": "transfer", "reason": "authz"}"#.utf8)
                }),
            Row(
                method: .GET, route: "/v1/contests/{contest}/integrity", path: "/v1/contests/authz/integrity",
                expected: [404, 404, 404, 404]),
            // Web pages are public (the replay page holds no data); the replay's data is the
            // organizers' and, its own view, the run's team's until publication.
            Row(method: .GET, route: "/", path: "/", expected: all200),
            Row(method: .GET, route: "/contests/{contest}", path: "/contests/authz", expected: all200),
            Row(
                method: .GET, route: "/contests/{contest}/leaderboard", path: "/contests/authz/leaderboard",
                expected: all200),
            Row(
                method: .GET, route: "/contests/{contest}/teams/{team}", path: "/contests/authz/teams/\(teamC)",
                expected: all200),
            Row(method: .GET, route: "/runs/{id}", path: "/runs/\(run)", expected: all200),
            Row(method: .GET, route: "/assets/{name}", path: "/assets/replay.js", expected: all200),
            Row(
                method: .GET, route: "/v1/runs/{id}/replay", path: "/v1/runs/\(run)/replay",
                expected: [403, 200, 403, 200]),
            // The published record before publication: the definition and the evaluation's seed
            // commitment are public, no board exists yet, an amendment needs a published board.
            Row(
                method: .GET, route: "/v1/contests/{contest}/definition", path: "/v1/contests/authz/definition",
                expected: all200),
            Row(
                method: .GET, route: "/v1/contests/{contest}/evaluations/{evaluation}/seeds",
                path: "/v1/contests/authz/evaluations/1/seeds", expected: all200),
            Row(
                method: .GET, route: "/v1/contests/{contest}/board", path: "/v1/contests/authz/board",
                expected: [404, 404, 404, 404]),
            Row(
                method: .GET, route: "/v1/contests/{contest}/board/versions/{version}",
                path: "/v1/contests/authz/board/versions/1", expected: [404, 404, 404, 404]),
            Row(
                method: .POST, route: "/v1/admin/contests/{contest}/amend", path: c + "/amend",
                expected: [401, 403, 403, 409], body: json(#"{"reason": "authorization test"}"#)),
            Row(
                method: .POST, route: "/v1/admin/contests/{contest}/publish", path: c + "/publish",
                expected: organizerOnly),
            // Published: transcripts and attestations are public now.
            Row(method: .GET, route: "/v1/runs/{id}/transcript", path: "/v1/runs/\(run)/transcript", expected: all200),
            Row(
                method: .GET, route: "/v1/runs/{id}/attestation", path: "/v1/runs/\(run)/attestation", expected: all200),
            // Last: rotating revokes the token used above.
            Row(method: .POST, route: "/v1/me/token", path: "/v1/me/token", expected: [401, 201, 201, 403]),
        ]
    }
}
