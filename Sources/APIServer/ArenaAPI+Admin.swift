import APIModels
import ContestModel
import Foundation
import Hummingbird
import Storage

extension ArenaAPI {
    func addAdminRoutes(to router: Router<ArenaRequestContext>) {
        let admin = router.group("/v1/admin")
        admin.post("/contests") { request, context in try await upsertContest(request, context) }
        admin.get("/contests/:contest/teams") { _, context in
            _ = try ArenaAPI.requireOrganizer(context)
            let teams = try await store.teams(contestId: try contestParameter(context))
            return try ArenaAPI.json(
                teams.map {
                    TeamView(
                        teamId: $0.id, name: $0.name, contestId: $0.contestId, disqualified: $0.disqualifiedAt != nil,
                        disqualifyReason: $0.disqualifyReason)
                })
        }
        admin.post("/contests/:contest/registration") { request, context in
            _ = try ArenaAPI.requireOrganizer(context)
            let body = try await ArenaAPI.decode(RegistrationChange.self, from: request, context: context)
            return try await contestAction(context, action: body.open ? "registration.opened" : "registration.closed") {
                try await store.setRegistration(contestId: $0, open: body.open)
            }
        }
        admin.post("/contests/:contest/invite") { request, context in
            _ = try ArenaAPI.requireOrganizer(context)
            let body = try await ArenaAPI.decode(InviteChange.self, from: request, context: context)
            return try await contestAction(context, action: "invite.changed") {
                try await store.setInviteCode(contestId: $0, hash: body.code.map(TokenHash.hash))
            }
        }
        admin.post("/contests/:contest/freeze") { _, context in
            try await contestAction(context, action: "leaderboard.frozen") { id in
                let snapshot = try await leaderboards.liveSnapshot(contestId: id)
                try await store.storeFrozenBoard(
                    contestId: id, json: snapshot.map { String(decoding: $0, as: UTF8.self) })
                try await store.setFrozen(contestId: id, frozen: true)
            }
        }
        admin.post("/contests/:contest/unfreeze") { _, context in
            try await contestAction(context, action: "leaderboard.unfrozen") {
                try await store.setFrozen(contestId: $0, frozen: false)
                try await store.storeFrozenBoard(contestId: $0, json: nil)
            }
        }
        admin.post("/contests/:contest/publish") { _, context in
            try await contestAction(context, action: "results.published") { try await store.publish(contestId: $0) }
        }
        admin.post("/contests/:contest/evaluate") { _, context in
            try await contestAction(context, action: "evaluation.requested") {
                try await store.enqueueEvaluation(contestId: $0)
            }
        }
        admin.post("/teams/:id/disqualify") { request, context in
            _ = try ArenaAPI.requireOrganizer(context)
            let body = try await ArenaAPI.decode(DisqualifyRequest.self, from: request, context: context)
            guard !body.reason.isEmpty else { throw APIError.badRequest("reason_required", "give a reason") }
            return try await teamAction(context, action: "team.disqualified", reason: body.reason)
        }
        admin.post("/teams/:id/reinstate") { _, context in
            try await teamAction(context, action: "team.reinstated", reason: nil)
        }
        admin.get("/audit") { _, context in
            _ = try ArenaAPI.requireOrganizer(context)
            let events = try await store.auditEvents()
            return try ArenaAPI.json(
                events.map {
                    AuditEventView(
                        id: $0.id, at: $0.at, actor: $0.actor, action: $0.action, subject: $0.subject,
                        details: $0.detailsJSON, previousHash: $0.previousHash, hash: $0.hash)
                })
        }
    }

    private func contestParameter(_ context: ArenaRequestContext) throws -> String {
        guard let id = context.parameters.get("contest") else { throw APIError.notFound("contest") }
        return id
    }

    private func contestAction(
        _ context: ArenaRequestContext, action: String,
        _ body: (String) async throws -> Void
    ) async throws -> Response {
        let organizer = try ArenaAPI.requireOrganizer(context)
        let id = try contestParameter(context)
        guard (try await store.contest(id: id)) != nil else { throw APIError.notFound("contest") }
        try await body(id)
        leaderboards.invalidate(contestId: id)
        try await store.appendAudit(actor: "organizer:\(organizer)", action: action, subject: "contest:\(id)")
        guard let record = try await store.contest(id: id) else { throw APIError.notFound("contest") }
        return try ArenaAPI.json(try ArenaAPI.contestView(record))
    }

    private func teamAction(_ context: ArenaRequestContext, action: String, reason: String?) async throws -> Response {
        let organizer = try ArenaAPI.requireOrganizer(context)
        let id = try ArenaAPI.int64Parameter(context, "id")
        guard let team = try await store.team(id: id) else { throw APIError.notFound("team") }
        try await store.setDisqualified(teamId: id, reason: reason)
        try await store.appendAudit(
            actor: "organizer:\(organizer)", action: action, subject: "team:\(id)",
            details: reason.map { ["reason": $0] } ?? [:])
        try await store.enqueueEvaluation(contestId: team.contestId)
        leaderboards.invalidate(contestId: team.contestId)
        guard let updated = try await store.team(id: id) else { throw APIError.notFound("team") }
        return try ArenaAPI.json(
            TeamView(
                teamId: updated.id, name: updated.name, contestId: updated.contestId,
                disqualified: updated.disqualifiedAt != nil,
                disqualifyReason: updated.disqualifyReason))
    }

    private func upsertContest(_ request: Request, _ context: ArenaRequestContext) async throws -> Response {
        let organizer = try ArenaAPI.requireOrganizer(context)
        let buffer = try await request.body.collect(upTo: 256 * 1024)
        let definition: ContestDefinition
        do {
            definition = try ContestDefinitionLoader.parse(String(buffer: buffer))
        } catch {
            throw APIError(.unprocessableContent, code: error.code.rawValue, error.description)
        }
        let created = try await ContestPublisher(store: store).upsert(definition, actor: "organizer:\(organizer)")
        leaderboards.invalidate(contestId: definition.id)
        guard let record = try await store.contest(id: definition.id) else { throw APIError.notFound("contest") }
        return try ArenaAPI.json(try ArenaAPI.contestView(record), status: created ? .created : .ok)
    }
}
