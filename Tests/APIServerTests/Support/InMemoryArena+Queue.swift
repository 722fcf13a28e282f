import APIServer
import Synchronization

extension InMemoryArena: EvaluationQueue {
    @discardableResult
    func enqueueEvaluation(contestId: String) async throws -> Int64 {
        state.withLock { state in
            if let queued = state.jobs.first(where: { $0.contestId == contestId && $0.runId == nil }) {
                return queued.id
            }
            let id = state.makeId()
            state.jobs.append((id, contestId, nil))
            return id
        }
    }
}
