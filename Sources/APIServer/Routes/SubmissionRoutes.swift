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
/// - `POST /v1/submissions` (a bundle archive) → `202` queued, `200` duplicate, `422` rejected;
///   `429` over a cap (checked before the body is read), `408`/`413` body, `503 validation_busy`
/// - `GET /v1/submissions`, `GET /v1/submissions/{id}` (another team's id answers `404`)
/// - `POST /v1/submissions/{id}/select` (see `SubmissionRoutes+Selection.swift`)
/// - `POST /v1/submissions/{id}/activate` (see `SubmissionRoutes+Activation.swift`)
struct SubmissionRoutes: Sendable {
    let contests: any ContestReading
    let submissions: any SubmissionRepository
    let evaluations: any EvaluationQueue
    let audit: any AuditRepository
    let validator: any BundleValidating
    /// Body deadline, validation executor and quota reservations (`SubmissionRoutes+Upload.swift`).
    let upload: UploadPolicy

    func register(on groups: AccessGroups) {
        groups.team.post("/v1/submissions") { request, context in
            try await submit(request, team: context.team)
        }
        groups.team.get("/v1/submissions") { _, context in
            let records = try await submissions.submissions(teamId: context.team.id)
            let selected = try await submissions.selectedSubmissionId(teamId: context.team.id)
            let active = try await submissions.activeSubmissionId(teamId: context.team.id)
            return try Response.json(
                try records.map { try SubmissionView(record: $0, selected: $0.id == selected, active: $0.id == active) }
            )
        }
        groups.team.get("/v1/submissions/:id") { _, context in
            let team = context.team
            let record = try await ownSubmission(try context.idParameter("id"), team: team)
            let definition = try await contests.definition(contestId: team.contestId)
            return try Response.json(
                try await view(record, team: team, quota: try await submissions.quota(team, definition)))
        }
        groups.team.post("/v1/submissions/:id/select") { _, context in
            try await select(try context.idParameter("id"), team: context.team)
        }
        groups.team.post("/v1/submissions/:id/activate") { _, context in
            try await activate(try context.idParameter("id"), team: context.team)
        }
    }

    /// Submission `id` when it belongs to `team`; `404` otherwise (never revealing other teams' ids).
    func ownSubmission(_ id: Int64, team: TeamRecord) async throws -> SubmissionRecord {
        guard let record = try await submissions.submission(id: id), record.teamId == team.id else {
            throw APIError.notFound("submission")
        }
        return record
    }
}
