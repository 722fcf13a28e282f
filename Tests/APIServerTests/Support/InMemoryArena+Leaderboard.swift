import Foundation
import Leaderboard

extension InMemoryArena: LeaderboardReading {
    func leaderboard(contestId: String) async throws -> (rows: [String], evaluationId: Int64?, updatedAt: Date?) {
        state.withLock { $0.boards[contestId] ?? ([], nil, nil) }
    }

    func frozenBoard(contestId: String) async throws -> String? {
        state.withLock { $0.frozenBoards[contestId] }
    }
}
