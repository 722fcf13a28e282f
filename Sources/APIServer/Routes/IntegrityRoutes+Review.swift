import APIModels
import Foundation
import Hummingbird
import Integrity
import Storage

extension IntegrityRoutes {
    /// `POST /v1/admin/contests/{contest}/integrity/review` with an `IntegrityReviewRequest`:
    /// records `integrity.cleared` or `integrity.acknowledged` in the audit log (team, kind,
    /// evaluation, the report's SHA-256 and the reason) and, for a published contest, queues a
    /// signed amendment of the board whose reason carries the decision. The board's rows do not
    /// change: a flag, and its review, never change a board by themselves (disqualification is
    /// `POST /v1/admin/teams/{id}/disqualify`). `404` without a report, `409 not_flagged` when
    /// the report does not flag the team for that kind.
    func registerReview(on groups: AccessGroups) {
        groups.organizer.post("/v1/admin/contests/:contest/integrity/review") { request, context in
            let id = try context.contestParameter()
            let contest = try await contests.existingContest(id)
            let body = try await request.decodeJSON(IntegrityReviewRequest.self, context: context)
            let reason = body.reason.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !reason.isEmpty else { throw APIError.badRequest("reason_required", "give a reason") }
            guard reason.count <= 2000 else { throw APIError.badRequest("reason_too_long", "at most 2000 characters") }
            let decision: String
            switch body.decision {
            case "clear": decision = "cleared"
            case "acknowledge": decision = "acknowledged"
            default: throw APIError.badRequest("invalid_decision", "decision is clear or acknowledge")
            }
            guard ["transfer", "wash", "copying", "spoofing"].contains(body.kind) else {
                throw APIError.badRequest("invalid_kind", "kind is transfer, wash, copying or spoofing")
            }
            guard let record = try await integrity.integrityReport(contestId: id, evaluationId: body.evaluationId)
            else { throw APIError(.notFound, code: "no_integrity_report", "\(id) has no such integrity report") }
            let stored = try IntegrityReport.Stored([UInt8](record.report))
            guard stored.flags(team: String(body.teamId)).contains(body.kind) else {
                throw APIError(
                    .conflict, code: "not_flagged",
                    "evaluation \(record.evaluationId)'s report does not flag team \(body.teamId) for \(body.kind)")
            }
            var job: Int64?
            if contest.publishedAt != nil, try await boards.boardVersion(contestId: id, version: nil) != nil {
                job = try await contests.requestPublication(
                    contestId: id, actor: context.actor,
                    reason: "integrity: \(body.kind) finding of team \(body.teamId) \(decision) "
                        + "(evaluation \(record.evaluationId), report \(record.sha256.prefix(16))): \(reason)")
            }
            var details = [
                "contest": id, "evaluation": String(record.evaluationId), "report_sha256": record.sha256,
                "kind": body.kind, "reason": reason,
            ]
            if let job { details["amendment_job"] = String(job) }
            try await audit.appendAudit(
                actor: context.actor, action: "integrity.\(decision)", subject: "team:\(body.teamId)",
                details: details)
            return try Response.json(
                IntegrityReviewView(
                    contestId: id, evaluationId: record.evaluationId, reportSha256: record.sha256,
                    teamId: body.teamId, kind: body.kind, decision: decision, reason: reason, amendmentJobId: job))
        }
    }
}
