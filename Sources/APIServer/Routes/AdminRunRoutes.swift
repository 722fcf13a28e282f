import APIModels
import Hummingbird
import Leaderboard
import Storage

/// `POST /v1/admin/runs/{id}/rerun` (organizer group): queues a new attempt of an existing run.
/// `202` with a `RerunView`; `409 run_in_progress` while the run is queued or running.
struct AdminRunRoutes: Sendable {
    let runs: any RunRepository
    let leaderboards: LeaderboardService

    func register(on groups: AccessGroups) {
        groups.organizer.post("/v1/admin/runs/:id/rerun") { _, context in
            let id = try context.idParameter("id")
            switch try await runs.requeueRun(runId: id, actor: context.actor) {
            case .notFound:
                throw APIError.notFound("run")
            case .inProgress:
                throw APIError(
                    .conflict, code: "run_in_progress",
                    "run \(id) is queued or running; rerun it after it finishes")
            case .queued(let jobId):
                guard let run = try await runs.run(id: id) else { throw APIError.notFound("run") }
                leaderboards.invalidate(contestId: run.contestId)
                return try Response.json(RerunView(runId: id, jobId: jobId, runStatus: run.status), status: .accepted)
            }
        }
    }
}
