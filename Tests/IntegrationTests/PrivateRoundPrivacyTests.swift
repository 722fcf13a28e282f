import APIModels
import AuditLog
import Foundation
import HTTPTypes
import JobRunner
import MarketModel
import NIOHTTP1
import Storage
import Testing

/// Before publication a team sees nothing per run of a private round, on any route: no log line,
/// no stderr, no per-run score, no seed. Every route of the OpenAPI document is called as a team
/// (with every run id, public and private, where a route takes one) and no answer may contain
/// what only the private runs produced.
@Suite(.serialized)
struct PrivateRoundPrivacyTests {
    @Test func noRouteShowsATeamAnythingOfAPrivateRound() async throws {
        try await SealedContest.with(id: "secret", publish: false) { contest in
            let owner = contest.fixture.owner
            let privateRuns = try await RoleFixture.sql(
                owner, "SELECT id::text FROM runs WHERE contest_id = 'secret' AND NOT seed_public ORDER BY id")
            let publicRuns = try await RoleFixture.sql(
                owner, "SELECT id::text FROM runs WHERE contest_id = 'secret' AND seed_public ORDER BY id")
            #expect(!privateRuns.isEmpty && !publicRuns.isEmpty)
            #expect(
                try await RoleFixture.sql(
                    owner, "SELECT count(*)::text FROM runs WHERE NOT seed_public AND seed IS NOT NULL")
                    == ["0"], "private heat seeds are not stored before publication")

            let secrets = try await Self.privateSecrets(owner)
            #expect(!secrets.isEmpty)
            let submissions = try await RoleFixture.sql(
                owner, "SELECT id::text FROM submissions WHERE team_id = \(contest.teamIds[0])")
            let evaluations = try await RoleFixture.sql(owner, "SELECT id::text FROM evaluations")
            var checked = 0
            for (method, path) in try Self.routes() {
                for concrete in Self.expand(
                    path, contest: "secret", runs: privateRuns + publicRuns, submissions: submissions,
                    teams: contest.teamIds.map(String.init), evaluations: evaluations)
                {
                    if concrete == "/v1/me/token" { continue }  // rotating would end the session; covered elsewhere
                    let reply = try await contest.live.call(
                        method, concrete, token: contest.tokens[0],
                        body: method == .POST ? Array("{}".utf8) : nil,
                        firstChunkOnly: concrete.hasSuffix("/stream"))
                    checked += 1
                    for secret in secrets where reply.text.contains(secret) {
                        Issue.record("\(method) \(concrete) as a team shows \(secret.prefix(60)) of a private round")
                    }
                }
            }
            #expect(checked > 30)

            // The specific answers.
            let runs = try await contest.client.call(.get, "/v1/runs", token: contest.tokens[0])
                .decode([RunSummaryView].self)
            #expect(Set(runs.map { String($0.runId) }) == Set(publicRuns), "no run-list entry of a private round")
            for run in privateRuns {
                for suffix in ["report", "logs"] {
                    let reply = try await contest.client.call(
                        .get, "/v1/runs/\(run)/\(suffix)", token: contest.tokens[0])
                    #expect(reply.status == .notFound, "\(suffix) of private run \(run): \(reply.status)")
                }
                for suffix in ["transcript", "attestation"] {
                    let reply = try await contest.client.call(
                        .get, "/v1/runs/\(run)/\(suffix)", token: contest.tokens[0])
                    #expect(reply.status == .forbidden, "\(suffix) of private run \(run): \(reply.status)")
                    let organizer = try await contest.client.call(
                        .get, "/v1/runs/\(run)/\(suffix)", token: contest.organizer)
                    #expect(organizer.status == .forbidden, "private artifacts wait for publication, for everyone")
                }
            }
            let board = try await contest.client.call(.get, "/v1/contests/secret/leaderboard")
                .decode(LeaderboardView.self)
            #expect(board.rows.allSatisfy { $0.runs.allSatisfy { publicRuns.contains(String($0.runId)) } })

            // After publication everything is open, and the seeds are revealed.
            let published = try await contest.client.call(
                .post, "/v1/admin/contests/secret/publish", token: contest.organizer)
            #expect(published.status == .ok || published.status == .accepted, "\(published.text)")
            _ = try await contest.runner.runUntilIdle()
            for run in privateRuns {
                let report = try await contest.client.call(.get, "/v1/runs/\(run)/logs", token: contest.tokens[0])
                #expect(report.status == .ok || report.status == .notFound, "own or other team's run \(run)")
                let transcript = try await contest.client.call(.get, "/v1/runs/\(run)/transcript")
                #expect(transcript.status == .ok)
            }
            let revealed = try await RoleFixture.sql(
                owner,
                "SELECT count(*)::text FROM runs WHERE NOT seed_public AND seed IS NULL AND evaluation_id = (SELECT sealed_evaluation_id FROM contests WHERE id = 'secret')"
            )
            #expect(revealed == ["0"], "publication reveals the sealed evaluation's private heat seeds")
        }
    }

    /// What only the private runs produced: log and stderr lines that no public run printed,
    /// per-run scores, heat seeds.
    static func privateSecrets(_ owner: ArenaStore) async throws -> Set<String> {
        func lines(_ publicRound: Bool) async throws -> Set<String> {
            let logs = try await RoleFixture.sql(
                owner,
                "SELECT x.logs FROM run_results x JOIN runs r ON r.id = x.run_id WHERE r.seed_public = \(publicRound)")
            return Set(
                logs.flatMap { $0.split(separator: "\n").map(String.init) }.filter {
                    $0.contains("marker-") || $0.contains("stderr-")
                })
        }
        var secrets = try await lines(false).subtracting(try await lines(true))
        let publicScores = Set(
            try await RoleFixture.sql(
                owner,
                "SELECT coalesce(x.score, x.pnl)::text FROM run_results x JOIN runs r ON r.id = x.run_id WHERE r.seed_public"
            ))
        for units in try await RoleFixture.sql(
            owner,
            "SELECT coalesce(x.score, x.pnl)::text FROM run_results x JOIN runs r ON r.id = x.run_id WHERE NOT r.seed_public"
        ) where !publicScores.contains(units) {
            guard let value = Int64(units), value != 0 else { continue }
            secrets.insert(Money(units: value).decimal)
        }
        let materials = try await RoleFixture.sql(
            owner,
            "SELECT r.round::text || ':' || r.heat::text || ':' || encode(m.material, 'hex') FROM runs r JOIN evaluation_seed_material m ON m.evaluation_id = r.evaluation_id WHERE NOT r.seed_public"
        )
        for entry in materials {
            let parts = entry.split(separator: ":")
            guard parts.count == 3, let round = Int(parts[0]), let heat = Int(parts[1]),
                let material = Hash256(hex: String(parts[2]))?.bytes
            else { continue }
            secrets.insert(String(SeedDerivation.heatSeed(.material(material), round: round, heat: heat)))
            secrets.insert(Hash256.hex(material))
        }
        return secrets.filter { $0.count >= 6 }
    }

    /// Every (method, path) of the OpenAPI document.
    static func routes() throws -> [(HTTPMethod, String)] {
        let url = IntegrationHarness.repositoryRoot.appendingPathComponent("Sources/APIServer/openapi.json")
        let document = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any]
        let paths = document?["paths"] as? [String: [String: Any]] ?? [:]
        return paths.keys.sorted().flatMap { path in
            (paths[path] ?? [:]).keys.sorted().compactMap { method -> (HTTPMethod, String)? in
                switch method {
                case "get": (.GET, path)
                case "post": (.POST, path)
                default: nil
                }
            }
        }
    }

    /// The concrete paths of a templated one.
    static func expand(
        _ path: String, contest: String, runs: [String], submissions: [String], teams: [String], evaluations: [String]
    ) -> [String] {
        var path = path.replacingOccurrences(of: "{contest}", with: contest)
        path = path.replacingOccurrences(of: "{version}", with: "1")
        let values: [String] =
            if path.contains("{evaluation}") { evaluations } else if !path.contains("{id}") {
                [""]
            } else if path
                .hasPrefix("/v1/runs/") || path.hasPrefix("/v1/admin/runs/")
            {
                runs
            } else if path.hasPrefix("/v1/submissions/") {
                submissions
            } else {
                teams
            }
        return values.map {
            path.replacingOccurrences(of: "{id}", with: $0).replacingOccurrences(of: "{evaluation}", with: $0)
        }
    }
}
