import APIModels
import ContestModel
import Foundation
import Hummingbird
import Storage

extension SubmissionRoutes {
    /// `POST /v1/submissions/{id}/select` (team): marks the submission evaluated for the final
    /// ranking while a phase with `final_selection: true` is open, and queues an evaluation.
    /// `409 selection_closed` outside such a phase; `409 not_selectable` for rejected or failed ones;
    /// `403 disqualified` for a disqualified team (its selection would queue evaluations for nothing).
    func select(_ id: Int64, team: TeamRecord) async throws -> Response {
        _ = try await ownSubmission(id, team: team)
        guard team.disqualifiedAt == nil else {
            throw APIError(.forbidden, code: "disqualified", "the team is disqualified: \(team.disqualifyReason ?? "")")
        }
        let definition = try await contests.definition(contestId: team.contestId)
        guard let phase = definition.openSelectionPhase(at: Date()) else {
            throw APIError(
                .conflict, code: "selection_closed",
                "no phase of this contest asks for a final selection right now")
        }
        switch try await submissions.selectSubmission(id: id, teamId: team.id) {
        case .notFound:
            throw APIError.notFound("submission")
        case .notSelectable(let status):
            throw APIError(
                .conflict, code: "not_selectable",
                "a \(status) submission cannot be selected; pick one that passed validation")
        case .selected:
            try await audit.appendAudit(
                actor: "team:\(team.id)", action: "submission.selected",
                subject: "submission:\(id)", details: ["phase": phase.name])
            try await evaluations.enqueueEvaluation(contestId: team.contestId)
        }
        guard let stored = try await submissions.submission(id: id) else { throw APIError.notFound("submission") }
        return try Response.json(
            try SubmissionView(record: stored, quota: try await submissions.quota(team, definition), selected: true))
    }
}
