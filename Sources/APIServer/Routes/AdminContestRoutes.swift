import APIModels
import ContestModel
import Foundation
import Hummingbird
import Leaderboard
import Storage

/// Organizer changes to contests (all routes in the organizer group). Every change is audited,
/// drops the cached leaderboards and answers with the updated `ContestView`.
///
/// - `POST /v1/admin/contests` (YAML or JSON definition) → `201` created, `200` updated
/// - `POST /v1/admin/contests/{contest}/registration | invite | freeze | unfreeze | evaluate`
/// - `POST /v1/admin/contests/{contest}/publish | amend` (see `PublicationRoutes`)
struct AdminContestRoutes: Sendable {
    let contests: any ContestRepository
    let teams: any TeamRepository
    let audit: any AuditRepository
    let evaluations: any EvaluationQueue
    let leaderboards: LeaderboardService
    let publication: PublicationRoutes

    func register(on groups: AccessGroups) {
        let admin = groups.organizer
        admin.post("/v1/admin/contests") { request, context in
            try await upsert(request, context)
        }
        admin.post("/v1/admin/contests/:contest/registration") { request, context in
            let body = try await request.decodeJSON(RegistrationChange.self, context: context)
            return try await contestAction(context, action: body.open ? "registration.opened" : "registration.closed") {
                try await contests.setRegistration(contestId: $0, open: body.open)
            }
        }
        admin.post("/v1/admin/contests/:contest/invite") { request, context in
            let body = try await request.decodeJSON(InviteChange.self, context: context)
            return try await contestAction(context, action: "invite.changed") {
                try await contests.setInviteCode(contestId: $0, hash: body.code.map(TokenHash.hash))
            }
        }
        admin.post("/v1/admin/contests/:contest/freeze") { _, context in
            // The public board stops at a snapshot the database takes of the current rows.
            try await contestAction(context, action: "leaderboard.frozen") { id in
                try await contests.setFrozen(contestId: id, frozen: true)
            }
        }
        admin.post("/v1/admin/contests/:contest/unfreeze") { _, context in
            try await contestAction(context, action: "leaderboard.unfrozen") {
                try await contests.setFrozen(contestId: $0, frozen: false)
            }
        }
        admin.post("/v1/admin/contests/:contest/publish") { _, context in
            try await publication.publish(context)
        }
        admin.post("/v1/admin/contests/:contest/amend") { request, context in
            let body = try await request.decodeJSON(AmendmentRequest.self, context: context)
            return try await publication.amend(context, reason: body.reason)
        }
        admin.post("/v1/admin/contests/:contest/evaluate") { _, context in
            try await contestAction(context, action: "evaluation.requested") {
                try await evaluations.enqueueEvaluation(contestId: $0)
            }
        }
    }

    /// Applies `body` to an existing contest, audits it and answers with the contest.
    private func contestAction(
        _ context: OrganizerRequestContext, action: String, _ body: (String) async throws -> Void
    ) async throws -> Response {
        let id = try context.contestParameter()
        _ = try await contests.existingContest(id)
        try await body(id)
        leaderboards.invalidate(contestId: id)
        try await audit.appendAudit(actor: context.actor, action: action, subject: "contest:\(id)", details: [:])
        return try Response.json(try ContestView(record: try await contests.existingContest(id)))
    }

    /// Linked teams must be registered teams of the contest, named byte for byte: a name linked
    /// before anyone registered it could be taken by whoever registers first (and so join the
    /// group), and a typo would silently link nobody. `422 unknown_linked_team` otherwise.
    private func requireRegistered(_ groups: [[String]], contestId: String) async throws {
        guard !groups.isEmpty else { return }
        let registered = Set(try await teams.teams(contestId: contestId).map { Array($0.name.utf8) })
        let unknown = groups.joined().filter { !registered.contains(Array($0.utf8)) }
        guard unknown.isEmpty else {
            throw APIError(
                .unprocessableContent, code: "unknown_linked_team",
                "integrity.linked_teams names teams that are not registered in \(contestId): "
                    + unknown.map { "\"\($0)\"" }.joined(separator: ", ")
                    + " (link teams after they register, by their exact registered names)")
        }
    }

    private func upsert(_ request: Request, _ context: OrganizerRequestContext) async throws -> Response {
        let buffer = try await request.body.collect(upTo: ArenaRequestContext.jsonBodyLimit)
        let definition: ContestDefinition
        do {
            definition = try ContestDefinitionLoader.parse(String(buffer: buffer))
        } catch {
            throw APIError(.unprocessableContent, code: error.code.rawValue, error.description)
        }
        try await requireRegistered(definition.integritySettings.linkedTeams, contestId: definition.id)
        let created = try await ContestPublisher(contests: contests, audit: audit)
            .upsert(definition, actor: context.actor)
        leaderboards.invalidate(contestId: definition.id)
        let record = try await contests.existingContest(definition.id)
        return try Response.json(try ContestView(record: record), status: created ? .created : .ok)
    }
}
