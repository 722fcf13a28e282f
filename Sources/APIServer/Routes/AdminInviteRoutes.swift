import APIModels
import Hummingbird
import Storage

/// `POST /v1/admin/contests/{contest}/invites` (organizer group), `{"count": N}` (1…1000) →
/// `201 InviteBatch`: N new single-use invite codes for an invite-only contest (shown only in
/// this response; stored by SHA-256), with the contest's issued and used totals. Audited.
struct AdminInviteRoutes: Sendable {
    let contests: any ContestReading
    let teams: any TeamRepository
    let audit: any AuditRepository

    static let maxBatch = 1000

    func register(on groups: AccessGroups) {
        groups.organizer.post("/v1/admin/contests/:contest/invites") { request, context in
            let id = try await contests.existingContest(context.contestParameter()).id
            let body = try await request.decodeJSON(InviteRequest.self, context: context)
            guard (1...Self.maxBatch).contains(body.count) else {
                throw APIError.badRequest("invalid_count", "count must be 1..\(Self.maxBatch)")
            }
            let codes = (0..<body.count).map { _ in TokenHash.generate(prefix: "pa_inv") }
            try await teams.createInvites(contestId: id, hashes: codes.map(TokenHash.hash), createdBy: context.actor)
            try await audit.appendAudit(
                actor: context.actor, action: "invites.issued", subject: "contest:\(id)",
                details: ["count": "\(body.count)"])
            let totals = try await teams.inviteCounts(contestId: id)
            return try Response.json(
                InviteBatch(contestId: id, codes: codes, issued: totals.issued, used: totals.used), status: .created)
        }
    }
}
