import APIModels
import ArenaResources
import BundleKit
import ContestModel
import Foundation
import Logging
import NIOHTTP1
import ServiceLifecycle
import Storage

/// Plays organizer and teams against the running API: contest, registrations, submissions,
/// then waits for the leaderboard and prints it.
struct DemoDriver: Service {
    let environment: ServerEnvironment
    let baseURL: String
    let contestPath: String
    let exitAfterRun: Bool
    /// The teams to register and submit (JSON list of {name, bundle}); nil = Seeds/demo-teams.json.
    var teamsPath: String? = nil

    struct TeamSeed: Codable {
        var name: String
        var bundle: String
        /// An installed runtime the team's bot needs (e.g. `python-ml`); the team is left out,
        /// with a message, on a machine without it.
        var runtime: String?
    }

    func run() async throws {
        let client = DemoClient(baseURL: baseURL)
        try await waitForServer(client)
        let organizer = try await organizerToken()
        let yaml = try Data(contentsOf: URL(fileURLWithPath: contestPath))
        // Linked teams (integrity.linked_teams) must be registered before a definition may name
        // them: such a contest is created without its links and posted whole once the teams exist.
        let definition = try ContestDefinitionLoader.parse(String(decoding: yaml, as: UTF8.self))
        let linked = !definition.integritySettings.linkedTeams.isEmpty
        var firstPost = Array(yaml)
        if linked {
            var unlinked = definition
            unlinked.integrity?.linkedTeams = []
            firstPost = Array(try unlinked.canonicalJSON().utf8)
        }
        // Every call below is safe to repeat and is repeated while the API hiccups (a database
        // restart answers 5xx for a moment): one failed request must not end the demo.
        let contest = try await client.patientJSON(
            ContestView.self, .POST, "/v1/admin/contests", token: organizer,
            body: firstPost, contentType: "application/yaml")
        say(
            "contest \(contest.id): \(contest.name) — \(contest.instruments.joined(separator: ", ")), "
                + "\(contest.ticksPerRun) ticks, \(contest.rounds) rounds")
        say("watch it live: \(baseURL)/contests/\(contest.id)/leaderboard")
        let before = try await client.patientJSON(
            LeaderboardView.self, .GET, "/v1/contests/\(contest.id)/leaderboard")
        let submitted = try await registerAndSubmit(client, contestId: contest.id, definition: definition) {
            guard linked else { return }
            _ = try await client.patientJSON(
                ContestView.self, .POST, "/v1/admin/contests", token: organizer,
                body: Array(yaml), contentType: "application/yaml")
            say("linked teams (never trade each other): \(definition.integritySettings.linkedTeams)")
        }
        let queued = submitted.filter { ["validating", "queued"].contains($0.status) }.count
        // New submissions pass a validation episode first; the board shown below is the first
        // evaluation that includes every team whose submission passed.
        let entries = try await waitForValidation(client, submitted)
        if queued == 0 {
            _ = try await client.patientJSON(
                ContestView.self, .POST, "/v1/admin/contests/\(contest.id)/evaluate",
                token: organizer)
            say("no new submissions; asked for a fresh evaluation")
        }
        let board = try await waitForBoard(
            client, contestId: contest.id, after: before.evaluationId ?? 0, teams: entries)
        say(LeaderboardTable.render(board))
        let tokenFile = environment.stateDirectory + "/demo-teams.json"
        for line in await DemoRuntimes.reports(client, board: board, tokenFile: tokenFile) { say(line) }
        say("leaderboard JSON: \(baseURL)/v1/contests/\(contest.id)/leaderboard")
        say("leaderboard page: \(baseURL)/contests/\(contest.id)/leaderboard")
        if let run = board.rows.first?.runs.first {
            say(
                "replay viewer: \(baseURL)/runs/\(run.runId) (before publication, sign in with a team token from "
                    + "\(environment.stateDirectory)/demo-teams.json or an organizer token)")
        }
        if exitAfterRun { return }
        say("serving on \(baseURL) — press Ctrl-C to stop")
        try? await gracefulShutdown()
    }

    private func waitForServer(_ client: DemoClient) async throws {
        for _ in 0..<200 {
            if let (status, _) = try? await client.send(.GET, "/healthz"), status == 200 { return }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw DemoClient.Failure(status: 0, body: "server did not start on \(baseURL)")
    }

    private func organizerToken() async throws -> String {
        let token = TokenHash.generate(prefix: "pa_org")
        let store = environment.store
        try await DatabaseRetry.idempotent(retries: 10, pause: .seconds(1)) {
            if try await store.createOrganizer(name: "demo-organizer", tokenHash: TokenHash.hash(token)) == nil {
                _ = try await store.addOrganizerToken(name: "demo-organizer", tokenHash: TokenHash.hash(token))
            }
        }
        return token
    }

    /// Registers each sample team once (tokens kept in .arena/demo-teams.json, mode 0600), runs
    /// `registered`, then submits each team's bundle; returns each team's submission with the
    /// token that can read it.
    private func registerAndSubmit(
        _ client: DemoClient, contestId: String, definition: ContestDefinition, registered: () async throws -> Void
    ) async throws -> [DemoSubmission] {
        guard let seedsPath = teamsPath ?? (try? RuntimePaths.resources.file("demo-teams.json", in: .seeds)) else {
            return []
        }
        let seedsDirectory = URL(fileURLWithPath: seedsPath).deletingLastPathComponent().path
        let teams = try JSONDecoder().decode([TeamSeed].self, from: Data(contentsOf: URL(fileURLWithPath: seedsPath)))
        let tokenFile = environment.stateDirectory + "/demo-teams.json"
        var tokens =
            (try? JSONDecoder().decode([String: String].self, from: Data(contentsOf: URL(fileURLWithPath: tokenFile))))
            ?? [:]
        var ready: [(team: TeamSeed, token: String)] = []
        for team in teams {
            if let missing = DemoRuntimes.missing(team.runtime, contest: definition) {
                say("skipping team \(team.name): \(missing)")
                continue
            }
            if tokens[team.name] == nil {
                let body = try APIJSON.encoder().encode(TeamRegistrationRequest(name: team.name))
                let (status, data) = try await client.patientSend(
                    .POST, "/v1/contests/\(contestId)/teams", body: Array(body))
                if status == 201 {
                    tokens[team.name] = try APIJSON.decoder().decode(TeamRegistrationResponse.self, from: data).token
                    try saveTokens(tokens, to: tokenFile)
                    say("registered team \(team.name)")
                } else {
                    say("team \(team.name) exists but its token is not in \(tokenFile); skipping its submission")
                    continue
                }
            }
            guard let token = tokens[team.name] else { continue }
            ready.append((team, token))
        }
        try await registered()
        var submitted: [DemoSubmission] = []
        for (team, token) in ready {
            let directory = team.bundle.hasPrefix("/") ? team.bundle : seedsDirectory + "/" + team.bundle
            let archive = try BundleArchive.pack(directory: directory, limits: BundleLimits())
            // The server answers a repeated upload of the same files with the existing entry.
            let submission = try await client.patientJSON(
                SubmissionView.self, .POST, "/v1/submissions", token: token,
                body: archive, contentType: "application/gzip", accept: [200, 202, 422])
            say(
                "  \(team.name): submission \(submission.id) \(submission.status) (sha256 \(submission.sha256.prefix(12))…)"
            )
            submitted.append(DemoSubmission(id: submission.id, token: token, status: submission.status))
        }
        return submitted
    }

    /// Waits until no submission is still in its validation episode; returns how many passed.
    private func waitForValidation(_ client: DemoClient, _ submitted: [DemoSubmission]) async throws -> Int {
        let deadline = ContinuousClock.now.advanced(by: .seconds(300))
        var passed = 0
        for submission in submitted {
            var view = try await client.patientJSON(
                SubmissionView.self, .GET, "/v1/submissions/\(submission.id)", token: submission.token)
            while view.status == "validating", ContinuousClock.now < deadline {
                try await Task.sleep(for: .milliseconds(300))
                view = try await client.patientJSON(
                    SubmissionView.self, .GET, "/v1/submissions/\(submission.id)", token: submission.token)
            }
            if view.status == "rejected" { say("  submission \(submission.id) was rejected by its validation episode") }
            if !["validating", "rejected", "failed"].contains(view.status) { passed += 1 }
        }
        return passed
    }

    private func saveTokens(_ tokens: [String: String], to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        FileManager.default.createFile(
            atPath: path, contents: try encoder.encode(tokens), attributes: [.posixPermissions: 0o600])
    }

    private func waitForBoard(
        _ client: DemoClient, contestId: String, after: Int64, teams: Int
    ) async throws -> LeaderboardView {
        let deadline = ContinuousClock.now.advanced(by: .seconds(900))
        var lastNote = ContinuousClock.now
        while ContinuousClock.now < deadline {
            let board = try await client.patientJSON(
                LeaderboardView.self, .GET, "/v1/contests/\(contestId)/leaderboard",
                patience: deadline - ContinuousClock.now)
            if let evaluation = board.evaluationId, evaluation > after, board.rows.count >= teams { return board }
            if lastNote.duration(to: .now) > .seconds(5) {
                say("  … evaluating")
                lastNote = .now
            }
            try await Task.sleep(for: .milliseconds(500))
        }
        throw DemoClient.Failure(status: 0, body: "the contest did not finish within 15 minutes")
    }
}
