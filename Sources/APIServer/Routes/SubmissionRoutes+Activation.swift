import APIModels
import ContestModel
import Foundation
import Hummingbird
import Metrics
import Storage

extension SubmissionRoutes {
    /// Statuses of an earlier submission with the same files that a re-upload returns instead of
    /// storing a new one: validated ones (re-activated) and one still being validated.
    static let reusableStatuses = ArenaStore.validatedStatuses.union(["validating"])

    /// `POST /v1/submissions/{id}/activate` (team): makes a validated submission the team's
    /// active entry, in every phase that accepts submissions, and queues an evaluation so the
    /// board follows. `409 not_activatable` for one that has not passed validation;
    /// `409 contest_closed` when the contest accepts no submissions now. In a final-selection
    /// phase the team's selection (`/select`) still decides what is ranked.
    func activate(_ id: Int64, team: TeamRecord) async throws -> Response {
        _ = try await ownSubmission(id, team: team)
        guard team.disqualifiedAt == nil else {
            throw APIError(.forbidden, code: "disqualified", "the team is disqualified: \(team.disqualifyReason ?? "")")
        }
        let contest = try await contests.existingContest(team.contestId)
        try ContestLifecycle(record: contest).require(.submissions)
        switch try await submissions.activateSubmission(id: id, teamId: team.id) {
        case .notFound:
            throw APIError.notFound("submission")
        case .notActivatable(let status):
            throw APIError(.conflict, code: "not_activatable", Self.notActivatableMessage(id, status: status))
        case .unchanged:
            break
        case .activated:
            try await activated(id, team: team, reason: "chosen")
        }
        guard let stored = try await submissions.submission(id: id) else { throw APIError.notFound("submission") }
        let definition = try ContestDefinition.decode(json: contest.definitionJSON)
        return try Response.json(
            try await view(stored, team: team, quota: try await submissions.quota(team, definition)))
    }

    /// A re-upload of files the team already submitted: a validated submission becomes the
    /// team's active entry again (not charged, no new submission); one still validating is
    /// returned as it is. Answers `200` with that submission.
    func resubmitted(_ existing: SubmissionRecord, team: TeamRecord, definition: ContestDefinition) async throws
        -> Response
    {
        Counter(label: "arena_submissions_total", dimensions: [("outcome", "duplicate")]).increment()
        if ArenaStore.validatedStatuses.contains(existing.status),
            try await submissions.activateSubmission(id: existing.id, teamId: team.id) == .activated
        {
            try await activated(existing.id, team: team, reason: "resubmitted")
        }
        let stored = try await submissions.submission(id: existing.id) ?? existing
        return try Response.json(
            try await view(stored, team: team, quota: try await submissions.quota(team, definition)), status: .ok)
    }

    /// `record` as its team sees it: with the quota, and whether it is the team's final
    /// selection and its active entry.
    func view(_ record: SubmissionRecord, team: TeamRecord, quota: QuotaView? = nil) async throws -> SubmissionView {
        let selected = try await submissions.selectedSubmissionId(teamId: team.id) == record.id
        let active = try await submissions.activeSubmissionId(teamId: team.id) == record.id
        return try SubmissionView(record: record, quota: quota, selected: selected, active: active)
    }

    /// Audits an activation and queues an evaluation so the board ranks the new entry.
    private func activated(_ id: Int64, team: TeamRecord, reason: String) async throws {
        Counter(label: "arena_submission_activations_total", dimensions: [("reason", reason)]).increment()
        try await audit.appendAudit(
            actor: "team:\(team.id)", action: "submission.activated", subject: "submission:\(id)",
            details: ["reason": reason])
        try await evaluations.enqueueEvaluation(contestId: team.contestId)
    }

    static func notActivatableMessage(_ id: Int64, status: String) -> String {
        switch status {
        case "received", "validating":
            return "submission \(id) is still being validated; it becomes your entry by itself when it passes"
        default:
            return "a \(status) submission cannot be your entry; pick one that passed validation (`arena status`)"
        }
    }
}
