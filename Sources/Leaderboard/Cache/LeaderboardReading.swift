import Foundation
import Storage

/// What the leaderboard cache reads: the contest (definition, frozen and published state), the
/// stored rows of the newest evaluation and the frozen public snapshot.
public protocol LeaderboardReading: Sendable {
    /// One contest, or nil.
    func contest(id: String) async throws -> ContestRecord?
    /// The stored rows (JSON) by rank, with the evaluation id and time of the last update.
    func leaderboard(contestId: String) async throws -> (rows: [String], evaluationId: Int64?, updatedAt: Date?)
    /// The frozen public snapshot (a `LeaderboardView` as JSON), if any.
    func frozenBoard(contestId: String) async throws -> String?
}
