import APIServer
import Storage
import Synchronization

extension InMemoryArena: AdminListRepository {
    func submissions(contestId: String, limit: Int) async throws -> [SubmissionRecord] {
        state.withLock { state in
            Array(state.submissions.values.filter { $0.contestId == contestId }.sorted { $0.id > $1.id }.prefix(limit))
        }
    }

    func runs(contestId: String, limit: Int) async throws -> [RunRecord] {
        state.withLock { state in
            Array(state.runs.values.filter { $0.contestId == contestId }.sorted { $0.id > $1.id }.prefix(limit))
        }
    }

    func selectedSubmissionIds(contestId: String) async throws -> Set<Int64> {
        state.withLock { state in
            Set(state.selections.values.filter { state.submissions[$0]?.contestId == contestId })
        }
    }
}
