import APIModels
import ContestModel
import Foundation
import Hummingbird
import Storage

extension ArenaAPI {
    /// `POST /v1/submissions/{id}/select` (team): marks the submission evaluated for the final
    /// ranking while a phase with `final_selection: true` is open, and queues an evaluation.
    /// `409 selection_closed` outside such a phase; `409 not_selectable` for rejected or failed ones.
    func addSelectionRoutes(to router: Router<ArenaRequestContext>) {
        router.post("/v1/submissions/:id/select") { _, context in
            let team = try ArenaAPI.requireTeam(context)
            let id = try ArenaAPI.int64Parameter(context, "id")
            guard let record = try await store.submission(id: id), record.teamId == team.id else {
                throw APIError.notFound("submission")
            }
            let definition = try await contestDefinition(team.contestId)
            guard let phase = ArenaAPI.openSelectionPhase(definition, at: Date()) else {
                throw APIError(
                    .conflict, code: "selection_closed",
                    "no phase of this contest asks for a final selection right now")
            }
            switch try await store.selectSubmission(id: id, teamId: team.id) {
            case .notFound:
                throw APIError.notFound("submission")
            case .notSelectable(let status):
                throw APIError(
                    .conflict, code: "not_selectable",
                    "a \(status) submission cannot be selected; pick one that passed validation")
            case .selected:
                try await store.appendAudit(
                    actor: "team:\(team.id)", action: "submission.selected",
                    subject: "submission:\(id)", details: ["phase": phase.name])
                try await store.enqueueEvaluation(contestId: team.contestId)
            }
            guard let stored = try await store.submission(id: id) else { throw APIError.notFound("submission") }
            return try ArenaAPI.json(
                try ArenaAPI.submissionView(
                    stored, quota: try await quota(team, definition),
                    selected: true))
        }
    }

    /// The phase open at `date` that asks teams for a final selection, if any. A phase without
    /// `starts_at` has always started; one without `ends_at` never ends.
    static func openSelectionPhase(_ definition: ContestDefinition, at date: Date) -> PhaseSettings? {
        let formatter = ISO8601DateFormatter()
        return definition.phases.first { phase in
            guard phase.finalSelection else { return false }
            if let start = phase.startsAt.flatMap(formatter.date(from:)), date < start { return false }
            if let end = phase.endsAt.flatMap(formatter.date(from:)), date >= end { return false }
            return true
        }
    }
}
