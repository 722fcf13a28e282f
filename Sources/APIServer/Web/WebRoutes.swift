import APIModels
import AuditLog
import ContestModel
import Foundation
import Hummingbird
import Leaderboard
import MarketModel
import Storage

/// The web pages (public group, HTML; docs/WEB.md): contests, a contest's rules, its live
/// leaderboard, a team's page, a run's replay viewer, and their assets. Pages show only what the
/// public JSON API shows; the replay's data comes from `GET /v1/runs/{id}/replay` with its own
/// access rules. A failure answers an HTML error page with the same headers.
struct WebRoutes: Sendable {
    let contests: any ContestReading
    let teams: any TeamRepository
    let submissions: any SubmissionRepository
    let runs: any RunRepository
    let leaderboards: LeaderboardService
    let replays: ReplayService
    /// "Under review" notes of flagged teams, once the integrity report is public.
    let reviews: IntegrityReviews
    /// The server's public URL, for the `arena verify … --server URL` command a page shows.
    let publicBaseURL: String

    func register(on groups: AccessGroups) {
        groups.anyone.get("/") { _, _ in
            try await page { IndexPage(contests: try await contests.contests().map(ContestView.init(record:))).page }
        }
        groups.anyone.get("/contests/:contest") { _, context in
            try await page { try await contestPage(context.contestParameter()) }
        }
        groups.anyone.get("/contests/:contest/leaderboard") { _, context in
            try await page { try await leaderboardPage(context.contestParameter()) }
        }
        groups.anyone.get("/contests/:contest/teams/:team") { _, context in
            try await page { try await teamPage(context.contestParameter(), team: context.idParameter("team")) }
        }
        groups.anyone.get("/runs/:id") { _, context in
            try await page { try await replayPage(context.idParameter("id")) }
        }
        groups.anyone.get("/assets/:name") { _, context in
            WebAssets.response(named: context.parameters.get("name") ?? "")
        }
    }

    /// Renders `build`, answering API failures (unknown contest, bad id, …) as HTML pages.
    private func page(_ build: () async throws -> WebPage) async throws -> Response {
        do {
            return try await build().response()
        } catch let error as APIError {
            return WebPage.error(error.status, error.message)
        }
    }

    private func contest(_ id: String) async throws -> (ContestRecord, ContestView) {
        guard let record = try await contests.contest(id: id) else { throw APIError.notFound("contest") }
        return (record, try ContestView(record: record))
    }

    private func board(_ id: String) async throws -> LeaderboardView? {
        guard let rendered = try await leaderboards.render(contestId: id, page: 1, pageSize: 500, organizer: false)
        else { return nil }
        return try APIJSON.decoder().decode(LeaderboardView.self, from: rendered.body)
    }

    private func contestPage(_ id: String) async throws -> WebPage {
        let (record, view) = try await contest(id)
        let definition = try ContestDefinition.decode(json: record.definitionJSON)
        return ContestPage(
            contest: view, startingBalance: definition.evaluation.startingBalance,
            tickMilliseconds: definition.market.tickMilliseconds, keys: try await runs.publicKeys()
        ).page
    }

    private func leaderboardPage(_ id: String) async throws -> WebPage {
        let (record, view) = try await contest(id)
        guard let board = try await board(id) else { throw APIError.notFound("contest") }
        let notes = try await reviews.notes(contestId: id, published: record.publishedAt != nil)
        return LeaderboardPage(contest: view, board: board, reviews: notes).page
    }

    private func teamPage(_ id: String, team teamId: Int64) async throws -> WebPage {
        let (record, view) = try await contest(id)
        guard let team = try await teams.team(id: teamId), team.contestId == id else { throw APIError.notFound("team") }
        let row = try await board(id)?.rows.first { $0.teamId == teamId }
        var equity: [Int64: String] = [:]
        for run in row?.runs ?? [] {
            // A private round's result is public only once the results are (as its seed).
            guard run.seed != nil || record.publishedAt != nil,
                let (result, _) = try await runs.runResult(runId: run.runId, teamId: teamId)
            else { continue }
            equity[run.runId] = Money(units: result.finalEquity).decimal
        }
        let definition = try ContestDefinition.decode(json: record.definitionJSON)
        let notes = try await reviews.notes(contestId: id, published: record.publishedAt != nil)
        return TeamPage(
            contest: view, team: team, row: row, review: notes[teamId], finalEquity: equity,
            startingBalance: definition.evaluation.startingBalance,
            submissions: try await submissions.submissions(teamId: teamId)
        ).page
    }

    private func replayPage(_ runId: Int64) async throws -> WebPage {
        guard let run = try await runs.run(id: runId), let record = try await contests.contest(id: run.contestId) else {
            throw APIError.notFound("run")
        }
        var document: ReplayDocument?
        if record.publishedAt != nil, let artifacts = try await runs.runArtifacts(runId: runId),
            let transcript = artifacts.transcript
        {
            let keys = try await runs.publicKeys().map {
                PublicKeyInfo(keyID: $0.keyId, publicKey: $0.publicKey.base64EncodedString(), active: $0.active)
            }
            document = try? await replays.document(
                ReplayInput(
                    run: run, published: true, transcript: Array(transcript),
                    attestation: artifacts.attestation.map { Array($0.utf8) }, keys: keys))
        }
        return ReplayPage(
            runId: runId, contestId: record.id, contestName: record.name, document: document,
            published: record.publishedAt != nil, server: publicBaseURL
        ).page
    }
}
