import APIModels
import APIServer
import Foundation
import HTTPTypes
import Hummingbird
import Testing

/// Every route for every role — anonymous, team A, team B (another team of the same contest),
/// an organizer and an unknown token — answers the specified status, every refusal uses the one
/// error shape, and nothing of team A leaks to others. The route list comes from the router: a
/// new route without a row here fails `everyRouteHasARowAndAPolicy`.
struct RouteAuthorizationTests {
    enum Role: Int, CaseIterable { case anonymous, teamA, teamB, organizer, bogus }

    struct Row {
        var method: HTTPRequest.Method
        /// The route as the router prints it, e.g. `/v1/runs/{id}/report`.
        var route: String
        var path: String
        /// Expected status for anonymous, team A, team B, organizer and an unknown token.
        var expected: [Int]
        var body: (@Sendable (Role) -> [UInt8])?
        var contentType = "application/json"
    }

    /// The calls of the table, in order, with the ids created by the setup.
    static func table(submission: Int64, run: Int64, teamC: Int64) -> [Row] {
        let all200 = [200, 200, 200, 200, 401]
        let teamOnly = [401, 200, 200, 403, 401]
        let ownerOnly = [401, 200, 404, 403, 401]
        let organizerOnly = [401, 403, 403, 200, 401]
        let beforePublication = [403, 403, 403, 200, 401]
        func json(_ text: String) -> @Sendable (Role) -> [UInt8] { { _ in Array(text.utf8) } }
        let c = "/v1/admin/contests/authz"
        return [
            Row(method: .get, route: "/healthz", path: "/healthz", expected: all200),
            Row(method: .get, route: "/readyz", path: "/readyz", expected: all200),
            Row(method: .get, route: "/metrics", path: "/metrics", expected: organizerOnly),
            Row(method: .get, route: "/v1/openapi.json", path: "/v1/openapi.json", expected: all200),
            Row(method: .get, route: "/v1/contests", path: "/v1/contests", expected: all200),
            Row(method: .get, route: "/v1/contests/{contest}", path: "/v1/contests/authz", expected: all200),
            Row(
                method: .get, route: "/v1/contests/{contest}/leaderboard", path: "/v1/contests/authz/leaderboard",
                expected: all200),
            Row(
                method: .get, route: "/v1/contests/{contest}/leaderboard/stream",
                path: "/v1/contests/authz/leaderboard/stream", expected: all200),
            Row(method: .get, route: "/v1/keys", path: "/v1/keys", expected: all200),
            Row(
                method: .post, route: "/v1/contests/{contest}/teams", path: "/v1/contests/authz/teams",
                expected: [201, 201, 201, 201, 401], body: { Array(#"{"name": "new-\#($0)"}"#.utf8) }),
            Row(method: .get, route: "/v1/me", path: "/v1/me", expected: teamOnly),
            Row(
                method: .post, route: "/v1/submissions", path: "/v1/submissions", expected: [401, 422, 422, 403, 401],
                body: json("not a bundle"), contentType: "application/gzip"),
            Row(method: .get, route: "/v1/submissions", path: "/v1/submissions", expected: teamOnly),
            Row(
                method: .get, route: "/v1/submissions/{id}", path: "/v1/submissions/\(submission)", expected: ownerOnly),
            Row(
                method: .post, route: "/v1/submissions/{id}/select", path: "/v1/submissions/\(submission)/select",
                expected: ownerOnly),
            Row(
                method: .post, route: "/v1/submissions/{id}/activate", path: "/v1/submissions/\(submission)/activate",
                expected: ownerOnly),
            Row(method: .get, route: "/v1/runs", path: "/v1/runs", expected: teamOnly),
            Row(method: .get, route: "/v1/runs/{id}/report", path: "/v1/runs/\(run)/report", expected: ownerOnly),
            Row(method: .get, route: "/v1/runs/{id}/logs", path: "/v1/runs/\(run)/logs", expected: ownerOnly),
            Row(
                method: .get, route: "/v1/runs/{id}/transcript", path: "/v1/runs/\(run)/transcript",
                expected: beforePublication),
            Row(
                method: .get, route: "/v1/runs/{id}/attestation", path: "/v1/runs/\(run)/attestation",
                expected: beforePublication),
            Row(
                method: .post, route: "/v1/admin/contests", path: "/v1/admin/contests",
                expected: [401, 403, 403, 201, 401], body: json(APIFixture.contestYAML(id: "authz-two")),
                contentType: "application/yaml"),
            Row(method: .get, route: "/v1/admin/contests/{contest}/teams", path: c + "/teams", expected: organizerOnly),
            Row(
                method: .get, route: "/v1/admin/contests/{contest}/submissions", path: c + "/submissions",
                expected: organizerOnly),
            Row(method: .get, route: "/v1/admin/contests/{contest}/runs", path: c + "/runs", expected: organizerOnly),
            Row(
                method: .post, route: "/v1/admin/contests/{contest}/registration", path: c + "/registration",
                expected: organizerOnly, body: json(#"{"open": true}"#)),
            Row(
                method: .post, route: "/v1/admin/contests/{contest}/invite", path: c + "/invite",
                expected: organizerOnly, body: json(#"{"code": null}"#)),
            Row(
                method: .post, route: "/v1/admin/contests/{contest}/invites", path: c + "/invites",
                expected: [401, 403, 403, 201, 401], body: json(#"{"count": 1}"#)),
            Row(
                method: .post, route: "/v1/admin/contests/{contest}/freeze", path: c + "/freeze",
                expected: organizerOnly),
            Row(
                method: .post, route: "/v1/admin/contests/{contest}/unfreeze", path: c + "/unfreeze",
                expected: organizerOnly),
            Row(
                method: .post, route: "/v1/admin/contests/{contest}/evaluate", path: c + "/evaluate",
                expected: organizerOnly),
            Row(
                method: .post, route: "/v1/admin/teams/{id}/disqualify", path: "/v1/admin/teams/\(teamC)/disqualify",
                expected: organizerOnly, body: json(#"{"reason": "authorization test"}"#)),
            Row(
                method: .post, route: "/v1/admin/teams/{id}/reinstate", path: "/v1/admin/teams/\(teamC)/reinstate",
                expected: organizerOnly),
            Row(
                method: .post, route: "/v1/admin/runs/{id}/rerun", path: "/v1/admin/runs/\(run)/rerun",
                expected: [401, 403, 403, 202, 401]),
            Row(method: .get, route: "/v1/admin/audit", path: "/v1/admin/audit", expected: organizerOnly),
            // Integrity: the report is the organizers' before publication; teams and the public
            // get the published one only (the fixture stores a report flagging team C).
            Row(
                method: .get, route: "/v1/admin/contests/{contest}/integrity", path: c + "/integrity",
                expected: organizerOnly),
            Row(
                method: .post, route: "/v1/admin/contests/{contest}/integrity/review", path: c + "/integrity/review",
                expected: organizerOnly,
                body: json(#"{"decision": "clear", "team_id": \#(teamC), "kind": "transfer", "reason": "authz"}"#)),
            Row(
                method: .get, route: "/v1/contests/{contest}/integrity", path: "/v1/contests/authz/integrity",
                expected: [404, 404, 404, 404, 401]),
            Row(method: .get, route: "/v1/admin/me", path: "/v1/admin/me", expected: organizerOnly),
            // Web pages are public (the replay page holds no data); the replay's data is the
            // organizers' and, its own view, the run's teams' until publication.
            Row(method: .get, route: "/", path: "/", expected: all200),
            Row(method: .get, route: "/contests/{contest}", path: "/contests/authz", expected: all200),
            Row(
                method: .get, route: "/contests/{contest}/leaderboard", path: "/contests/authz/leaderboard",
                expected: all200),
            Row(
                method: .get, route: "/contests/{contest}/teams/{team}", path: "/contests/authz/teams/\(teamC)",
                expected: all200),
            Row(method: .get, route: "/runs/{id}", path: "/runs/\(run)", expected: all200),
            Row(method: .get, route: "/assets/{name}", path: "/assets/replay.js", expected: all200),
            Row(
                method: .get, route: "/v1/runs/{id}/replay", path: "/v1/runs/\(run)/replay",
                expected: [403, 200, 403, 200, 401]),
            // The published record before publication: the definition is public, boards and
            // commitments do not exist yet, an amendment needs a published board.
            Row(
                method: .get, route: "/v1/contests/{contest}/definition", path: "/v1/contests/authz/definition",
                expected: all200),
            Row(
                method: .get, route: "/v1/contests/{contest}/board", path: "/v1/contests/authz/board",
                expected: [404, 404, 404, 404, 401]),
            Row(
                method: .get, route: "/v1/contests/{contest}/board/versions/{version}",
                path: "/v1/contests/authz/board/versions/1", expected: [404, 404, 404, 404, 401]),
            Row(
                method: .get, route: "/v1/contests/{contest}/evaluations/{evaluation}/seeds",
                path: "/v1/contests/authz/evaluations/1/seeds", expected: [404, 404, 404, 404, 401]),
            Row(
                method: .post, route: "/v1/admin/contests/{contest}/amend", path: c + "/amend",
                expected: [401, 403, 403, 409, 401], body: json(#"{"reason": "authorization test"}"#)),
            Row(
                method: .post, route: "/v1/admin/contests/{contest}/publish", path: c + "/publish",
                expected: organizerOnly),
            // Published: transcripts and attestations are public now.
            Row(
                method: .get, route: "/v1/runs/{id}/transcript", path: "/v1/runs/\(run)/transcript",
                expected: all200),
            Row(
                method: .get, route: "/v1/runs/{id}/attestation", path: "/v1/runs/\(run)/attestation",
                expected: all200),
            Row(method: .get, route: "/v1/runs/{id}/replay", path: "/v1/runs/\(run)/replay", expected: all200),
            // Last: rotating revokes the token used above.
            Row(method: .post, route: "/v1/me/token", path: "/v1/me/token", expected: [401, 201, 201, 403, 401]),
        ]
    }

    @Test func everyRouteAnswersEveryRoleAsSpecified() async throws {
        let fixture = APIFixture()
        try await fixture.test { client in
            let organizer = fixture.arena.addOrganizer()
            try await fixture.createContest(
                client, organizer: organizer,
                yaml: APIFixture.contestYAML(id: "authz", phases: "[{name: final, final_selection: true}]"))
            let teamA = try await fixture.register(client, contest: "authz", name: "alpha-secret")
            let teamB = try await fixture.register(client, contest: "authz", name: "beta")
            let teamC = try await fixture.register(client, contest: "authz", name: "gamma")
            let submitted = try await client.call(
                .post, "/v1/submissions", token: teamA.token, body: Array("valid a1b2c3".utf8),
                contentType: "application/gzip")
            #expect(submitted.status == .accepted, "\(submitted.text)")
            let submission = try submitted.decode(SubmissionView.self)
            let run = fixture.arena.addRun(contestId: "authz", teams: [teamA.id])
            // A real transcript (team B is not in the run; 999 is a team of no contest).
            fixture.arena.store(
                try WebRunFixture(teams: [teamA.id, teamC.id, 999], labels: ["alpha-secret", "gamma", "other"]),
                runId: run)
            fixture.arena.addIntegrityReport(
                contestId: "authz", evaluationId: 1,
                report: InMemoryArena.sampleIntegrityReport(contest: "authz", flagged: teamC.id, giver: teamB.id))
            let tokens: [Role: String] = [
                .teamA: teamA.token, .teamB: teamB.token, .organizer: organizer, .bogus: "pa_team_not-a-real-token",
            ]
            for row in Self.table(submission: submission.id, run: run, teamC: teamC.id) {
                for role in Role.allCases {
                    let reply = try await client.call(
                        row.method, row.path, token: tokens[role], body: row.body?(role), contentType: row.contentType)
                    let label = "\(row.method) \(row.path) as \(role)"
                    #expect(
                        reply.status.code == row.expected[role.rawValue],
                        "\(label): \(reply.status.code) \(reply.text.prefix(200))")
                    if row.method == .post, row.route == "/v1/submissions", reply.status == .unprocessableContent {
                        // A rejected bundle answers with the submission itself (status `rejected`).
                        let view = try reply.decode(SubmissionView.self)
                        #expect(view.status == "rejected" && view.teamId == (role == .teamA ? teamA.id : teamB.id))
                    } else if reply.status.code >= 400 {
                        try ErrorShape.expect(reply, label)
                        #expect(
                            !reply.text.contains("alpha-secret") && !reply.text.contains(submission.sha256),
                            "\(label): no other team's data in errors")
                    }
                    if role == .teamB, row.path == "/v1/submissions" || row.path == "/v1/runs" {
                        #expect(
                            !reply.text.contains("\"id\":\(submission.id),")
                                && !reply.text.contains("\"run_id\":\(run),"),
                            "team B's lists hold none of team A's entries")
                    }
                }
            }
        }
    }

    @Test func everyRouteHasARowAndAPolicy() throws {
        let fixture = APIFixture()
        let routes = Set(fixture.api.router().routes.map { "\($0.method.rawValue) \($0.path)" })
        let access = fixture.api.routeAccess()
        let policies = Dictionary(
            access.map { ("\($0.method) \($0.path)", $0.policy) }, uniquingKeysWith: { a, _ in a })
        #expect(Set(policies.keys) == routes, "every route is registered in a policy group")
        #expect(access.count == routes.count, "no route is registered twice")
        let rows = Self.table(submission: 1, run: 1, teamC: 1)
        let covered = Set(rows.map { "\($0.method.rawValue) \($0.route)" })
        #expect(routes.subtracting(covered).sorted() == [], "routes without rows in the authorization table")
        #expect(covered.subtracting(routes).sorted() == [], "rows for routes that do not exist")
        for row in rows {
            let key = "\(row.method.rawValue) \(row.route)"
            let bogus = row.expected[Role.bogus.rawValue]
            #expect(bogus == 401, "\(key): an unknown token is refused on every route")
            switch policies[key] {
            case .team?:
                #expect(
                    row.expected[Role.anonymous.rawValue] == 401 && row.expected[Role.organizer.rawValue] == 403,
                    "\(key)")
            case .organizer?:
                #expect(
                    row.expected[Role.anonymous.rawValue] == 401 && row.expected[Role.teamA.rawValue] == 403
                        && row.expected[Role.teamB.rawValue] == 403, "\(key)")
            case .anyone?:
                #expect(row.expected[Role.anonymous.rawValue] != 401, "\(key): public routes take anonymous callers")
            case nil:
                Issue.record("\(key) has no access policy")
            }
        }
    }
}
