import APIModels
import Foundation
import Hummingbird
import Storage

extension ArenaAPI {
    /// Organizer lookups used by `arena admin`: who am I, a contest's submissions and runs.
    ///
    /// - `GET /v1/admin/me` → `{"organizer": NAME}`
    /// - `GET /v1/admin/contests/{id}/submissions` → `[SubmissionView]` (newest first, at most 500)
    /// - `GET /v1/admin/contests/{id}/runs` → `[RunSummaryView]` (newest first, at most 500)
    func addAdminListRoutes(to router: Router<ArenaRequestContext>) {
        let admin = router.group("/v1/admin")
        admin.get("/me") { _, context in
            let name = try ArenaAPI.requireOrganizer(context)
            return try ArenaAPI.json(["organizer": name])
        }
        admin.get("/contests/:contest/submissions") { _, context in
            _ = try ArenaAPI.requireOrganizer(context)
            let id = try await existingContest(context)
            let records = try await store.submissions(contestId: id)
            let selected = try await store.selectedSubmissionIds(contestId: id)
            return try ArenaAPI.json(
                try records.map { try ArenaAPI.submissionView($0, selected: selected.contains($0.id)) })
        }
        admin.get("/contests/:contest/runs") { _, context in
            _ = try ArenaAPI.requireOrganizer(context)
            let id = try await existingContest(context)
            let runs = try await store.runs(contestId: id)
            return try ArenaAPI.json(
                runs.map {
                    RunSummaryView(
                        runId: $0.id, contestId: $0.contestId, evaluationId: $0.evaluationId, round: $0.round,
                        heat: $0.heat, status: $0.status, transcriptRoot: $0.transcriptRoot)
                })
        }
    }

    private func existingContest(_ context: ArenaRequestContext) async throws -> String {
        guard let id = context.parameters.get("contest"), try await store.contest(id: id) != nil else {
            throw APIError.notFound("contest")
        }
        return id
    }
}
