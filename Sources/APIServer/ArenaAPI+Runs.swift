import APIModels
import Foundation
import Hummingbird
import MarketModel
import Storage

extension ArenaAPI {
    func addRunRoutes(to router: Router<ArenaRequestContext>) {
        router.get("/v1/runs") { _, context in
            let team = try ArenaAPI.requireTeam(context)
            let runs = try await store.runs(teamId: team.id)
            return try ArenaAPI.json(
                runs.map {
                    RunSummaryView(
                        runId: $0.id, contestId: $0.contestId, evaluationId: $0.evaluationId, round: $0.round,
                        heat: $0.heat, status: $0.status, transcriptRoot: $0.transcriptRoot)
                })
        }
        router.get("/v1/runs/:id/report") { _, context in
            let team = try ArenaAPI.requireTeam(context)
            return try ArenaAPI.json(try await report(runId: ArenaAPI.int64Parameter(context, "id"), team: team))
        }
        router.get("/v1/runs/:id/logs") { _, context in
            let team = try ArenaAPI.requireTeam(context)
            let report = try await report(runId: ArenaAPI.int64Parameter(context, "id"), team: team)
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "private, no-store"],
                body: .init(byteBuffer: ByteBuffer(string: report.logs)))
        }
        router.get("/v1/runs/:id/transcript") { _, context in
            let (transcript, _) = try await artifacts(context)
            guard let transcript else { throw APIError.notFound("transcript") }
            return Response(
                status: .ok,
                headers: [.contentType: "application/octet-stream", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(bytes: transcript)))
        }
        router.get("/v1/runs/:id/attestation") { _, context in
            let (_, attestation) = try await artifacts(context)
            guard let attestation else { throw APIError.notFound("attestation") }
            return Response(
                status: .ok, headers: [.contentType: "application/json", .cacheControl: "public, max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: attestation)))
        }
        router.get("/v1/keys") { _, _ in
            let keys = try await store.publicKeys()
            return try ArenaAPI.json(
                keys.map {
                    PublicKeyView(keyId: $0.keyId, publicKey: $0.publicKey.base64EncodedString(), active: $0.active)
                }, headers: [.cacheControl: "public, max-age=60"])
        }
    }

    /// Transcripts and attestations are public once results are published; before, organizers only.
    private func artifacts(_ context: ArenaRequestContext) async throws -> (Data?, String?) {
        let id = try ArenaAPI.int64Parameter(context, "id")
        guard let artifacts = try await store.runArtifacts(runId: id) else { throw APIError.notFound("run") }
        guard artifacts.published || context.identity?.isOrganizer == true else {
            throw APIError(
                .forbidden, code: "not_published",
                "transcripts become public when the organizers publish results")
        }
        return (artifacts.transcript, artifacts.attestation)
    }

    private func report(runId: Int64, team: TeamRecord) async throws -> RunReportView {
        guard let run = try await store.run(id: runId),
            let (result, teams) = try await store.runResult(runId: runId, teamId: team.id)
        else { throw APIError.notFound("run report") }
        func text(_ units: Int64) -> String { Money(units: units).decimal }
        return RunReportView(
            runId: run.id, contestId: run.contestId, status: run.status, round: run.round, heat: run.heat,
            rankInRun: result.rankInRun, teamsInRun: teams, finalEquity: text(result.finalEquity),
            pnl: text(result.pnl), fees: text(result.fees), funding: text(result.funding),
            trades: result.trades, liquidations: result.liquidations,
            maxDrawdown: text(result.maxDrawdown), fault: result.faultCode, faultTick: result.faultTick,
            logs: result.logs)
    }
}
