import APIModels
import ContestModel
import Foundation
import Hummingbird
import Storage

/// Team registration (public) and the calling team's own record and token.
///
/// - `POST /v1/contests/{contest}/teams` → `201 TeamRegistrationResponse` (the token, shown once)
/// - `GET /v1/me` (team) → `TeamView`
/// - `POST /v1/me/token` (team) → `201 TeamRegistrationResponse` with a new token; the old one is revoked
struct TeamRoutes: Sendable {
    let contests: any ContestReading
    let teams: any TeamRepository
    let identities: any IdentityRepository
    let audit: any AuditRepository
    /// New tokens are known-good at once (see `VerifiedTokens`).
    let issuedTokens: VerifiedTokens

    func register(on groups: AccessGroups) {
        groups.anyone.post("/v1/contests/:contest/teams") { request, context in
            try await register(request, context)
        }
        groups.team.get("/v1/me") { _, context in
            try Response.json(TeamView(record: context.team))
        }
        groups.team.post("/v1/me/token") { _, context in
            let team = context.team
            let token = TokenHash.generate(prefix: "pa_team")
            try await identities.rotateToken(teamId: team.id, newHash: TokenHash.hash(token))
            issuedTokens.insert(TokenHash.hash(token))
            try await audit.appendAudit(
                actor: "team:\(team.id)", action: "team.token_rotated", subject: "team:\(team.id)", details: [:])
            return try Response.json(
                TeamRegistrationResponse(teamId: team.id, name: team.name, contestId: team.contestId, token: token),
                status: .created)
        }
    }

    private func register(_ request: Request, _ context: ArenaRequestContext) async throws -> Response {
        let contestId = try context.contestParameter()
        let contest = try await contests.existingContest(contestId)
        // Only while a phase that accepts registrations is open, and never after publication
        // (409 contest_closed with the phase times; the database refuses too).
        try ContestLifecycle(record: contest).require(.registrations)
        let body = try await request.decodeJSON(TeamRegistrationRequest.self, context: context)
        let name = body.name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...64).contains(name.count),
            name.unicodeScalars.allSatisfy({ !CharacterSet.controlCharacters.contains($0) })
        else { throw APIError.badRequest("invalid_team_name", "team name must be 1-64 printable characters") }
        guard contest.registrationOpen else {
            throw APIError(.forbidden, code: "registration_closed", "registration for \(contestId) is closed")
        }
        // An invite-only contest checks its single-use invites instead (`registerControlled`).
        if let expected = contest.inviteCodeSHA256, !(try Self.isInviteOnly(contest)) {
            guard let code = body.inviteCode, TokenHash.hash(code) == expected else {
                throw APIError(.forbidden, code: "invite_required", "this contest needs a valid invite code")
            }
        }
        let token = TokenHash.generate(prefix: "pa_team")
        let team = try await registerControlled(
            contest: contest, name: name, body: body, tokenHash: TokenHash.hash(token), address: context.clientAddress)
        issuedTokens.insert(TokenHash.hash(token))
        try await audit.appendAudit(
            actor: "team:\(team.id)", action: "team.registered", subject: "contest:\(contestId)",
            details: ["team": name])
        return try Response.json(
            TeamRegistrationResponse(teamId: team.id, name: team.name, contestId: contestId, token: token),
            status: .created)
    }
}
