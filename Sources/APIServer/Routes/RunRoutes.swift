import APIModels
import Foundation
import Hummingbird
import MarketModel
import NIOCore
import Storage

/// Runs: a team's own runs and results (team group); transcripts, attestations and attestation
/// keys (public group: transcripts and attestations are public once the results are published,
/// organizers only before — and a private round's only after publication, for everyone).
///
/// Private rounds stay secret until publication: a team's run list leaves them out and their
/// reports and logs answer `404`, so no log line, stderr, score, fault detail or seed of a
/// private round reaches a team before the board is sealed.
struct RunRoutes: Sendable {
    let runs: any RunRepository
    let contests: any ContestReading
    let integrity: any IntegrityRepository

    func register(on groups: AccessGroups) {
        groups.team.get("/v1/runs") { _, context in
            let published = try await contests.existingContest(context.team.contestId).publishedAt != nil
            let visible = try await runs.runs(teamId: context.team.id).filter { published || $0.seedPublic }
            return try Response.json(visible.map(RunSummaryView.init(record:)))
        }
        groups.team.get("/v1/runs/:id/report") { _, context in
            try Response.json(try await report(runId: context.idParameter("id"), team: context.team))
        }
        groups.team.get("/v1/runs/:id/logs") { _, context in
            let report = try await report(runId: context.idParameter("id"), team: context.team)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "private, no-store"],
                body: .init(byteBuffer: ByteBuffer(string: report.logs)))
        }
        groups.anyone.get("/v1/runs/:id/transcript") { _, context in
            let (transcript, _, published) = try await artifacts(context)
            guard let transcript else { throw APIError.notFound("transcript") }
            return Response(
                status: .ok,
                headers: [.contentType: "application/octet-stream", .cacheControl: Self.cacheControl(published)],
                body: .init(byteBuffer: ByteBuffer(bytes: transcript)))
        }
        groups.anyone.get("/v1/runs/:id/attestation") { _, context in
            let (_, attestation, published) = try await artifacts(context)
            guard let attestation else { throw APIError.notFound("attestation") }
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: Self.cacheControl(published)],
                body: .init(byteBuffer: ByteBuffer(string: attestation)))
        }
        groups.anyone.get("/v1/keys") { _, _ in
            let keys = try await runs.publicKeys()
            return try Response.json(
                keys.map {
                    PublicKeyView(keyId: $0.keyId, publicKey: $0.publicKey.base64EncodedString(), active: $0.active)
                }, headers: [.cacheControl: "public, max-age=60"])
        }
    }

    /// Published artifacts are public and immutable; before publication only organizers get
    /// them, and no cache (shared or private) may keep a copy.
    static func cacheControl(_ published: Bool) -> String {
        published ? "public, max-age=3600" : "private, no-store"
    }

    /// Transcripts and attestations are public once results are published; before, organizers
    /// only, and only of public rounds (the database serves nothing of a private round before).
    private func artifacts(_ context: ArenaRequestContext) async throws -> (Data?, String?, published: Bool) {
        let id = try context.idParameter("id")
        guard let artifacts = try await runs.runArtifacts(runId: id) else { throw APIError.notFound("run") }
        guard artifacts.published || context.identity?.isOrganizer == true else {
            throw APIError(
                .forbidden, code: "not_published",
                "transcripts become public when the organizers publish results")
        }
        if !artifacts.published, let run = try await runs.run(id: id), !run.seedPublic {
            throw APIError(
                .forbidden, code: "private_round",
                "transcripts of private rounds are sealed until the results are published")
        }
        return (artifacts.transcript, artifacts.attestation, artifacts.published)
    }

    /// The team's result in a run (`404` when the team was not in it, or when it is a private
    /// round's and the results are not published).
    private func report(runId: Int64, team: TeamRecord) async throws -> RunReportView {
        guard let run = try await runs.run(id: runId),
            let (result, teams) = try await runs.runResult(runId: runId, teamId: team.id)
        else { throw APIError.notFound("run report") }
        let published = try await contests.existingContest(run.contestId).publishedAt != nil
        if !run.seedPublic, !published {
            throw APIError.notFound("run report")
        }
        func text(_ units: Int64) -> String { Money(units: units).decimal }
        var view = RunReportView(
            runId: run.id, contestId: run.contestId, status: run.status, round: run.round, heat: run.heat,
            rankInRun: result.rankInRun, teamsInRun: teams, finalEquity: text(result.finalEquity),
            pnl: text(result.pnl), fees: text(result.fees), funding: text(result.funding),
            trades: result.trades, liquidations: result.liquidations,
            maxDrawdown: text(result.maxDrawdown), fault: result.faultCode, faultTick: result.faultTick,
            logs: result.logs,
            integrity: try await integritySection(run: run, teamId: team.id, published: published))
        // Runtime identity and decisions, as the runner stored them from the transcript.
        struct Details: Decodable {
            var runtime: String?
            var runtimeLockSHA256: String?
            var decisions: [DecisionView]?
        }
        if let details = try? JSONDecoder().decode(Details.self, from: Data(result.reportJSON.utf8)) {
            view.runtime = details.runtime
            view.runtimeLockSha256 = details.runtimeLockSHA256
            view.decisions = details.decisions
        }
        return view
    }
}
