import APIModels
import Foundation
import Hummingbird
import Storage

extension ArenaAPI {
    func addTeamRoutes(to router: Router<ArenaRequestContext>) {
        router.post("/v1/contests/:contest/teams") { request, context in
            try await register(request, context)
        }
        router.get("/v1/me") { _, context in
            let team = try ArenaAPI.requireTeam(context)
            return try ArenaAPI.json(
                TeamView(
                    teamId: team.id, name: team.name, contestId: team.contestId,
                    disqualified: team.disqualifiedAt != nil, disqualifyReason: team.disqualifyReason))
        }
        router.post("/v1/me/token") { _, context in
            let team = try ArenaAPI.requireTeam(context)
            let token = TokenHash.generate(prefix: "pa_team")
            try await store.rotateToken(teamId: team.id, newHash: TokenHash.hash(token))
            try await store.appendAudit(
                actor: "team:\(team.id)", action: "team.token_rotated", subject: "team:\(team.id)")
            return try ArenaAPI.json(
                TeamRegistrationResponse(
                    teamId: team.id, name: team.name, contestId: team.contestId,
                    token: token), status: .created)
        }
    }

    private func register(_ request: Request, _ context: ArenaRequestContext) async throws -> Response {
        guard let contestId = context.parameters.get("contest"), let contest = try await store.contest(id: contestId)
        else {
            throw APIError.notFound("contest")
        }
        let body = try await ArenaAPI.decode(TeamRegistrationRequest.self, from: request, context: context)
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...64).contains(name.count),
            name.unicodeScalars.allSatisfy({ !CharacterSet.controlCharacters.contains($0) })
        else { throw APIError.badRequest("invalid_team_name", "team name must be 1-64 printable characters") }
        guard contest.registrationOpen else {
            throw APIError(.forbidden, code: "registration_closed", "registration for \(contestId) is closed")
        }
        if let expected = contest.inviteCodeSHA256 {
            guard let code = body.inviteCode, TokenHash.hash(code) == expected else {
                throw APIError(.forbidden, code: "invite_required", "this contest needs a valid invite code")
            }
        }
        let token = TokenHash.generate(prefix: "pa_team")
        guard
            let team = try await store.registerTeam(contestId: contestId, name: name, tokenHash: TokenHash.hash(token))
        else {
            throw APIError(
                .conflict, code: "team_name_taken",
                "a team named \(name) is already registered; pick another name or use its token")
        }
        try await store.appendAudit(
            actor: "team:\(team.id)", action: "team.registered", subject: "contest:\(contestId)",
            details: ["team": name])
        return try ArenaAPI.json(
            TeamRegistrationResponse(
                teamId: team.id, name: team.name, contestId: contestId,
                token: token), status: .created)
    }
}
