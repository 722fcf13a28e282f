import APIModels
import Hummingbird
import Storage

/// Organizer lookups used by `arena admin` (organizer group).
///
/// - `GET /v1/admin/me` → `{"organizer": NAME}`
/// - `GET /v1/admin/contests/{id}/submissions` → `[SubmissionView]` (newest first, at most 500)
/// - `GET /v1/admin/contests/{id}/runs` → `[RunSummaryView]` (newest first, at most 500)
/// - `GET /v1/admin/audit` → `[AuditEventView]` (the whole hash-chained log, in order)
struct AdminListRoutes: Sendable {
    let contests: any ContestReading
    let lists: any AdminListRepository
    let audit: any AuditRepository

    /// Entries per list.
    static let limit = 500

    func register(on groups: AccessGroups) {
        let admin = groups.organizer
        admin.get("/v1/admin/me") { _, context in
            try Response.json(["organizer": context.organizer])
        }
        admin.get("/v1/admin/contests/:contest/submissions") { _, context in
            let id = try await contests.existingContest(context.contestParameter()).id
            let records = try await lists.submissions(contestId: id, limit: Self.limit)
            let selected = try await lists.selectedSubmissionIds(contestId: id)
            return try Response.json(
                try records.map { try SubmissionView(record: $0, selected: selected.contains($0.id)) })
        }
        admin.get("/v1/admin/contests/:contest/runs") { _, context in
            let id = try await contests.existingContest(context.contestParameter()).id
            let runs = try await lists.runs(contestId: id, limit: Self.limit)
            return try Response.json(runs.map(RunSummaryView.init(record:)))
        }
        admin.get("/v1/admin/audit") { _, _ in
            try Response.json(try await audit.auditEvents().map(AuditEventView.init(event:)))
        }
    }
}
