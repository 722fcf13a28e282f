import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import Storage

/// The published record of a contest, served byte for byte as stored (public group): the
/// signed board versions, the seed commitments and the public definition the hashes cover.
///
/// - `GET /v1/contests/{contest}/board` → the latest signed board version (404 before publication)
/// - `GET /v1/contests/{contest}/board/versions/{version}` → version n, forever
/// - `GET /v1/contests/{contest}/evaluations/{evaluation}/seeds` → the seed commitment (material
///   revealed after publication)
/// - `GET /v1/contests/{contest}/definition` → the public definition (`definition_sha256` is its SHA-256)
struct BoardRoutes: Sendable {
    let contests: any ContestReading
    let boards: any BoardReading

    func register(on groups: AccessGroups) {
        groups.anyone.get("/v1/contests/:contest/board") { request, context in
            let id = try context.contestParameter()
            guard let board = try await boards.boardVersion(contestId: id, version: nil) else {
                throw try await notPublished(id)
            }
            return Self.document(board.body, etag: board.sha256, request: request, maxAge: "public, max-age=60")
        }
        groups.anyone.get("/v1/contests/:contest/board/versions/:version") { request, context in
            let id = try context.contestParameter()
            let version = try context.idParameter("version")
            guard version <= Int64(Int32.max),
                let board = try await boards.boardVersion(contestId: id, version: Int(version))
            else { throw try await notPublished(id, version: version) }
            return Self.document(
                board.body, etag: board.sha256, request: request, maxAge: "public, max-age=31536000, immutable")
        }
        groups.anyone.get("/v1/contests/:contest/evaluations/:evaluation/seeds") { request, context in
            let id = try context.contestParameter()
            let evaluation = try context.idParameter("evaluation")
            guard let record = try await boards.evaluationSeeds(contestId: id, evaluationId: evaluation).first,
                let document = record.revealDocument ?? record.document
            else { throw APIError.notFound("seed commitment") }
            let final = record.revealDocument != nil
            return Self.document(
                document, etag: TokenHash.hex(Data(document.utf8)), request: request,
                maxAge: final ? "public, max-age=31536000, immutable" : "public, max-age=5")
        }
        groups.anyone.get("/v1/contests/:contest/definition") { request, context in
            let contest = try await contests.existingContest(try context.contestParameter())
            let body = contest.publicDefinition ?? contest.definitionJSON
            return Self.document(body, etag: contest.definitionSHA256, request: request, maxAge: "public, max-age=60")
        }
    }

    /// `404 not_published` (or `not_found` for an unknown contest).
    private func notPublished(_ id: String, version: Int64? = nil) async throws -> APIError {
        let contest = try await contests.existingContest(id)
        if contest.publishedAt == nil {
            return APIError(
                .notFound, code: "not_published", "\(id) has no signed board yet: the organizers have not published")
        }
        if let version {
            return APIError(.notFound, code: "not_found", "board version \(version) of \(id) not found")
        }
        return APIError(.notFound, code: "not_published", "the board of \(id) is being signed; try again in a moment")
    }

    /// Exact bytes as JSON, with a strong ETag (its SHA-256) and `304` on a match.
    static func document(_ text: String, etag hash: String, request: Request, maxAge: String) -> Response {
        let etag = "\"\(hash)\""
        var headers: HTTPFields = [.contentType: "application/json", .eTag: etag, .cacheControl: maxAge]
        if request.headers[.ifNoneMatch] == etag {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
