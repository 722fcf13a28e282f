import APIModels
import AuditLog
import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Storage

/// `GET /v1/runs/{id}/replay` (public group, checks inside): the replay viewer's data
/// (``ReplayDocument``), built from the transcript with `AuditLog`'s decoding.
///
/// Same visibility as the transcript it is built from, plus a team's own view: once the results
/// are published it is public; before, an organizer gets the full replay of a public round's run
/// and a team that took part gets its own view (``ReplayDocument/teamView(teamId:)``); everyone
/// else `403 not_published`. A private round's run is sealed for everyone until publication
/// (`403 private_round`; `404` for a team, as its run report).
struct ReplayRoutes: Sendable {
    let runs: any RunRepository
    let replays: ReplayService

    func register(on groups: AccessGroups) {
        groups.anyone.get("/v1/runs/:id/replay") { _, context in
            try await replay(context)
        }
    }

    private func replay(_ context: ArenaRequestContext) async throws -> Response {
        let id = try context.idParameter("id")
        guard let run = try await runs.run(id: id), let artifacts = try await runs.runArtifacts(runId: id) else {
            throw APIError.notFound("run")
        }
        var team: Int64?
        if !artifacts.published {
            switch context.identity {
            case .organizer?:
                guard run.seedPublic else { throw Self.privateRound }
            case .team(let caller)?:
                guard run.seedPublic, try await runs.runResult(runId: id, teamId: caller.id) != nil else {
                    throw run.seedPublic ? Self.notPublished : APIError.notFound("run")
                }
                team = caller.id
            case nil:
                throw Self.notPublished
            }
        }
        guard let transcript = artifacts.transcript else { throw APIError.notFound("transcript") }
        let keys = try await runs.publicKeys().map {
            PublicKeyInfo(keyID: $0.keyId, publicKey: $0.publicKey.base64EncodedString(), active: $0.active)
        }
        let input = ReplayInput(
            run: run, published: artifacts.published, transcript: Array(transcript),
            attestation: artifacts.attestation.map { Array($0.utf8) }, keys: keys)
        let built = try await replays.built(input)
        let headers: HTTPFields = [
            .contentType: "application/json; charset=utf-8",
            .cacheControl: artifacts.published ? "public, max-age=3600" : "private, no-store",
            .vary: "Authorization", HTTPField.Name("X-Content-Type-Options")!: "nosniff",
        ]
        var body = built.json
        if let team {
            guard let own = built.document.teamView(teamId: team) else { throw Self.notPublished }
            body = try APIJSON.encoder().encode(own)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
    }

    static let notPublished = APIError(
        .forbidden, code: "not_published",
        "replays become public when the organizers publish results; before, organizers and the run's teams only")
    static let privateRound = APIError(
        .forbidden, code: "private_round", "runs of private rounds are sealed until the results are published")
}
