import APIModels
import Hummingbird
import Leaderboard
import Storage

/// Organizer views and decisions about teams (organizer group).
///
/// - `GET /v1/admin/contests/{contest}/teams` → `[TeamView]`
/// - `POST /v1/admin/teams/{id}/disqualify` (`{"reason"}`), `POST /v1/admin/teams/{id}/reinstate`:
///   audited, and the contest is re-evaluated so the board reflects the decision.
struct AdminTeamRoutes: Sendable {
    let teams: any TeamRepository
    let audit: any AuditRepository
    let evaluations: any EvaluationQueue
    let leaderboards: LeaderboardService

    func register(on groups: AccessGroups) {
        let admin = groups.organizer
        admin.get("/v1/admin/contests/:contest/teams") { _, context in
            try Response.json(try await teams.teams(contestId: context.contestParameter()).map(TeamView.init(record:)))
        }
        admin.post("/v1/admin/teams/:id/disqualify") { request, context in
            let body = try await request.decodeJSON(DisqualifyRequest.self, context: context)
            guard !body.reason.isEmpty else { throw APIError.badRequest("reason_required", "give a reason") }
            return try await teamAction(context, action: "team.disqualified", reason: body.reason)
        }
        admin.post("/v1/admin/teams/:id/reinstate") { _, context in
            try await teamAction(context, action: "team.reinstated", reason: nil)
        }
    }

    private func teamAction(_ context: OrganizerRequestContext, action: String, reason: String?) async throws
        -> Response
    {
        let id = try context.idParameter("id")
        guard let team = try await teams.team(id: id) else { throw APIError.notFound("team") }
        try await teams.setDisqualified(teamId: id, reason: reason)
        try await audit.appendAudit(
            actor: context.actor, action: action, subject: "team:\(id)",
            details: reason.map { ["reason": $0] } ?? [:])
        try await evaluations.enqueueEvaluation(contestId: team.contestId)
        leaderboards.invalidate(contestId: team.contestId)
        guard let updated = try await teams.team(id: id) else { throw APIError.notFound("team") }
        return try Response.json(TeamView(record: updated))
    }
}
