import APIModels
import Foundation
import HTTPTypes
import Hummingbird
import Integrity
import NIOCore
import NIOFoundationEssentialsCompat
import Storage

/// Integrity reports (docs/INTEGRITY.md). The body is the stored report, byte for byte (the
/// canonical JSON `arena verify --contest` recomputes); `Arena-Evaluation-Id` names the
/// evaluation, `Arena-Report-SHA256` (and the ETag) the SHA-256 of the body.
///
/// - `GET /v1/admin/contests/{contest}/integrity[?evaluation=ID]` (organizers): the newest
///   report, at any time — before publication it covers private rounds, so only organizers get it.
/// - `GET /v1/contests/{contest}/integrity` (anyone): the report of the published board's
///   evaluation, once the results are published (`404 not_published` before).
/// - `POST /v1/admin/contests/{contest}/integrity/review` (organizers): clear or acknowledge
///   a finding with a reason (`IntegrityRoutes+Review.swift`).
struct IntegrityRoutes: Sendable {
    let integrity: any IntegrityRepository
    let contests: any ContestRepository
    let boards: any BoardReading
    let audit: any AuditRepository

    func register(on groups: AccessGroups) {
        groups.organizer.get("/v1/admin/contests/:contest/integrity") { request, context in
            let id = try context.contestParameter()
            let contest = try await contests.existingContest(id)
            let evaluation = try request.uri.queryParameters["evaluation"].map { text in
                guard let value = Int64(text), value > 0 else {
                    throw APIError.badRequest("invalid_parameter", "evaluation must be a positive integer")
                }
                return value
            }
            guard let record = try await integrity.integrityReport(contestId: id, evaluationId: evaluation) else {
                throw APIError(
                    .notFound, code: "no_integrity_report",
                    "\(id) has no integrity report\(evaluation.map { " for evaluation \($0)" } ?? ""): "
                        + "it is computed when an evaluation's last run completes")
            }
            return Self.document(record, request: request, published: contest.publishedAt != nil, organizer: true)
        }
        groups.anyone.get("/v1/contests/:contest/integrity") { request, context in
            let id = try context.contestParameter()
            let contest = try await contests.existingContest(id)
            guard contest.publishedAt != nil, let board = try await boards.boardVersion(contestId: id, version: nil)
            else {
                throw APIError(
                    .notFound, code: "not_published",
                    "the integrity report of \(id) is public once the organizers publish the results")
            }
            guard let record = try await integrity.integrityReport(contestId: id, evaluationId: board.evaluationId)
            else {
                throw APIError(
                    .notFound, code: "no_integrity_report",
                    "evaluation \(board.evaluationId) of \(id) has no integrity report")
            }
            return Self.document(record, request: request, published: true, organizer: false)
        }
        registerReview(on: groups)
    }

    /// The stored bytes with their evaluation and hash in headers, `304` on a matching ETag.
    static func document(_ record: IntegrityReportRecord, request: Request, published: Bool, organizer: Bool)
        -> Response
    {
        let etag = "\"\(record.sha256)\""
        var headers: HTTPFields = [
            .contentType: "application/json", .eTag: etag,
            .cacheControl: organizer || !published ? "private, no-store" : "public, max-age=60",
        ]
        if let name = HTTPField.Name("Arena-Evaluation-Id") { headers[name] = String(record.evaluationId) }
        if let name = HTTPField.Name("Arena-Report-SHA256") { headers[name] = record.sha256 }
        if request.headers[.ifNoneMatch] == etag {
            headers[.contentType] = nil
            return Response(status: .notModified, headers: headers)
        }
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(data: record.report)))
    }
}
