import APIModels
import Foundation
import Hummingbird
import Storage

extension ArenaAPI {
    /// `POST /v1/admin/runs/{id}/rerun` (organizer): queues a new attempt of an existing run.
    /// `202` with a `RerunView`; `409 run_in_progress` while the run is queued or running.
    func addRerunRoutes(to router: Router<ArenaRequestContext>) {
        router.post("/v1/admin/runs/:id/rerun") { _, context in
            let organizer = try ArenaAPI.requireOrganizer(context)
            let id = try ArenaAPI.int64Parameter(context, "id")
            switch try await store.requeueRun(runId: id, actor: "organizer:\(organizer)") {
            case .notFound:
                throw APIError.notFound("run")
            case .inProgress:
                throw APIError(
                    .conflict, code: "run_in_progress",
                    "run \(id) is queued or running; rerun it after it finishes")
            case .queued(let jobId):
                guard let run = try await store.run(id: id) else { throw APIError.notFound("run") }
                leaderboards.invalidate(contestId: run.contestId)
                return try ArenaAPI.json(RerunView(runId: id, jobId: jobId, runStatus: run.status), status: .accepted)
            }
        }
    }
}
