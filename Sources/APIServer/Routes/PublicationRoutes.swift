import APIModels
import Foundation
import Hummingbird
import Leaderboard
import Storage

/// Publication and amendments (organizer group). The API holds no signing key and may not write
/// boards: it seals the contest and queues a `publish` job in one database call
/// (`arena_request_publication`), then waits up to `wait` for a runner to sign and store the
/// board version, and answers with the contest either way (the board follows within seconds
/// when no runner was free).
///
/// - `POST /v1/admin/contests/{contest}/publish` → version 1 (again: nothing new once signed)
/// - `POST /v1/admin/contests/{contest}/amend` `{"reason"}` → version n + 1 naming version n
struct PublicationRoutes: Sendable {
    let contests: any ContestRepository
    let boards: any BoardReading
    let audit: any AuditRepository
    let leaderboards: LeaderboardService
    let wait: Duration

    func publish(_ context: OrganizerRequestContext) async throws -> Response {
        let id = try context.contestParameter()
        let contest = try await contests.existingContest(id)
        if contest.publishedAt != nil, try await boards.boardVersion(contestId: id, version: nil) != nil {
            return try Response.json(try ContestView(record: contest))  // published already: nothing moves
        }
        return try await request(context, contestId: id, reason: nil, action: "results.published")
    }

    func amend(_ context: OrganizerRequestContext, reason: String) async throws -> Response {
        let id = try context.contestParameter()
        let text = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else {
            throw APIError.badRequest("reason_required", "an amendment needs a reason: what changed and why")
        }
        guard try await boards.boardVersion(contestId: id, version: nil) != nil else {
            _ = try await contests.existingContest(id)
            throw APIError(
                .conflict, code: "not_published",
                "\(id) has no published board yet; publish first (amendments correct a published board)")
        }
        return try await request(context, contestId: id, reason: text, action: "results.amendment_requested")
    }

    private func request(
        _ context: OrganizerRequestContext, contestId id: String, reason: String?, action: String
    ) async throws -> Response {
        let before = try await boards.boardVersion(contestId: id, version: nil)?.version ?? 0
        let job = try await contests.requestPublication(contestId: id, actor: context.actor, reason: reason)
        leaderboards.invalidate(contestId: id)
        var details = ["job": "\(job)", "version": "\(before + 1)"]
        if let reason { details["reason"] = reason }
        try await audit.appendAudit(actor: context.actor, action: action, subject: "contest:\(id)", details: details)
        let deadline = ContinuousClock.now.advanced(by: wait)
        while ContinuousClock.now < deadline {
            if let latest = try await boards.boardVersion(contestId: id, version: nil), latest.version > before {
                break
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        leaderboards.invalidate(contestId: id)
        return try Response.json(try ContestView(record: try await contests.existingContest(id)))
    }
}
