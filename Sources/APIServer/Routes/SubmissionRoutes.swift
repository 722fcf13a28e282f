import APIModels
import BundleKit
import ContestModel
import Foundation
import HTTPTypes
import Hummingbird
import Metrics
import Storage

/// A team's submissions (all routes in the team group).
///
/// - `POST /v1/submissions` (a bundle archive) → `202` queued, `200` duplicate, `422` rejected
/// - `GET /v1/submissions`, `GET /v1/submissions/{id}` (another team's id answers `404`)
/// - `POST /v1/submissions/{id}/select` (see `SubmissionRoutes+Selection.swift`)
struct SubmissionRoutes: Sendable {
    let contests: any ContestReading
    let submissions: any SubmissionRepository
    let evaluations: any EvaluationQueue
    let audit: any AuditRepository
    let validator: any BundleValidating

    func register(on groups: AccessGroups) {
        groups.team.post("/v1/submissions") { request, context in
            try await submit(request, team: context.team)
        }
        groups.team.get("/v1/submissions") { _, context in
            let records = try await submissions.submissions(teamId: context.team.id)
            let selected = try await submissions.selectedSubmissionId(teamId: context.team.id)
            return try Response.json(try records.map { try SubmissionView(record: $0, selected: $0.id == selected) })
        }
        groups.team.get("/v1/submissions/:id") { _, context in
            let team = context.team
            let record = try await ownSubmission(try context.idParameter("id"), team: team)
            let definition = try await contests.definition(contestId: team.contestId)
            let selected = try await submissions.selectedSubmissionId(teamId: team.id) == record.id
            return try Response.json(
                try SubmissionView(
                    record: record, quota: try await submissions.quota(team, definition), selected: selected))
        }
        groups.team.post("/v1/submissions/:id/select") { _, context in
            try await select(try context.idParameter("id"), team: context.team)
        }
    }

    /// Submission `id` when it belongs to `team`; `404` otherwise (never revealing other teams' ids).
    func ownSubmission(_ id: Int64, team: TeamRecord) async throws -> SubmissionRecord {
        guard let record = try await submissions.submission(id: id), record.teamId == team.id else {
            throw APIError.notFound("submission")
        }
        return record
    }

    /// Accepts an archive: checks quotas, validates statically (rejections are free but capped),
    /// stores it and queues an evaluation. Re-submitting identical files returns the existing entry.
    private func submit(_ request: Request, team: TeamRecord) async throws -> Response {
        guard team.disqualifiedAt == nil else {
            throw APIError(.forbidden, code: "disqualified", "the team is disqualified: \(team.disqualifyReason ?? "")")
        }
        let definition = try await contests.definition(contestId: team.contestId)
        let limits = definition.limits
        let before = try await submissions.quota(team, definition)
        if before.inFlight >= before.inFlightLimit {
            throw APIError(
                .tooManyRequests, code: "too_many_in_flight",
                "\(before.inFlight) submissions are still being evaluated; wait for one to finish")
        }
        if before.used >= before.limit {
            throw APIError(
                .tooManyRequests, code: "quota_exceeded",
                "daily quota of \(before.limit) submissions used; it resets at \(ISO8601DateFormatter().string(from: before.resetsAt))",
                headers: [.retryAfter: "\(max(1, Int(before.resetsAt.timeIntervalSinceNow)))"])
        }
        let archive: [UInt8]
        do {
            let buffer = try await request.body.collect(upTo: limits.bundleMaxBytes)
            archive = Array(buffer: buffer)
        } catch {
            throw APIError(
                .contentTooLarge, code: "bundle_too_large",
                "bundle archives may be at most \(limits.bundleMaxBytes) bytes")
        }
        let validation = validator.validate(archive: archive, contest: definition)
        // The invalid-bundle cap is separate: it refuses (without storing) further invalid
        // bundles, never a valid one.
        if case .invalid = validation, before.invalidUsed >= before.invalidLimit {
            throw APIError(
                .tooManyRequests, code: "invalid_quota_exceeded",
                "too many invalid bundles today (\(before.invalidLimit)); run `arena check` locally before submitting")
        }
        if case .valid(let sha, _, _) = validation,
            let existing = try await submissions.submissions(teamId: team.id).first(where: {
                $0.sha256 == sha && ["queued", "running", "scored"].contains($0.status)
            })
        {
            Counter(label: "arena_submissions_total", dimensions: [("outcome", "duplicate")]).increment()
            return try Response.json(try SubmissionView(record: existing, quota: before), status: .ok)
        }
        let (sha, runtime): (String, String) =
            switch validation {
            case .valid(let sha, let runtime, _): (sha, runtime)
            case .invalid: (TokenHash.hex(Data(archive)), "unknown")
            }
        let record = try await submissions.createSubmission(
            teamId: team.id, contestId: team.contestId, sha256: sha, runtime: runtime, bundle: Data(archive))
        try await submissions.transitionSubmission(
            id: record.id, to: "validating", detail: nil, validationReport: nil, charged: nil)
        switch validation {
        case .invalid(let code, let report):
            Counter(label: "arena_submissions_total", dimensions: [("outcome", "rejected")]).increment()
            try await submissions.transitionSubmission(
                id: record.id, to: "rejected", detail: code, validationReport: report, charged: nil)
            try await audit.appendAudit(
                actor: "team:\(team.id)", action: "submission.rejected",
                subject: "submission:\(record.id)", details: ["code": code])
        case .valid(_, _, let report):
            Counter(label: "arena_submissions_total", dimensions: [("outcome", "accepted")]).increment()
            try await submissions.transitionSubmission(
                id: record.id, to: "queued", detail: nil, validationReport: report, charged: true)
            try await evaluations.enqueueEvaluation(contestId: team.contestId)
            try await audit.appendAudit(
                actor: "team:\(team.id)", action: "submission.accepted",
                subject: "submission:\(record.id)", details: ["sha256": sha])
        }
        guard let stored = try await submissions.submission(id: record.id) else {
            throw APIError.notFound("submission")
        }
        let status: HTTPResponse.Status = stored.status == "rejected" ? .unprocessableContent : .accepted
        return try Response.json(
            try SubmissionView(record: stored, quota: try await submissions.quota(team, definition)), status: status)
    }
}
