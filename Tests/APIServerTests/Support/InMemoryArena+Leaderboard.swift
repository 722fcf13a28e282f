import Foundation
import Leaderboard
import Storage
import Synchronization

extension InMemoryArena: LeaderboardReading {
    func leaderboard(contestId: String) async throws -> (rows: [String], evaluationId: Int64?, updatedAt: Date?) {
        state.withLock { state in
            state.boardReads += 1
            return state.boards[contestId] ?? ([], nil, nil)
        }
    }

    func frozenRows(contestId: String) async throws -> (rows: [String], evaluationId: Int64?, updatedAt: Date?)? {
        state.withLock { $0.frozenBoards[contestId] }
    }

    /// Stored-row reads so far (the database reads of the real store).
    var boardReads: Int { state.withLock { $0.boardReads } }

    /// No runner signs boards in memory: a published contest stays `publishing`.
    func boardVersion(contestId: String, version: Int?) async throws -> BoardVersionRecord? { nil }
}
