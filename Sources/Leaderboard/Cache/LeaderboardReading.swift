public import Foundation
public import Storage

/// What the leaderboard cache reads: the contest (definition, frozen and published state), the
/// stored rows of the newest evaluation, the frozen public snapshot and the sealed board.
public protocol LeaderboardReading: Sendable {
    /// One contest, or nil.
    func contest(id: String) async throws -> ContestRecord?
    /// The stored rows (JSON) by rank, with the evaluation id and time of the last update.
    func leaderboard(contestId: String) async throws -> (rows: [String], evaluationId: Int64?, updatedAt: Date?)
    /// The frozen public snapshot's rows (JSON) by rank, its evaluation and time, if frozen.
    func frozenRows(contestId: String) async throws -> (rows: [String], evaluationId: Int64?, updatedAt: Date?)?
    /// Version `version` of the sealed board (the latest when nil), once published.
    func boardVersion(contestId: String, version: Int?) async throws -> BoardVersionRecord?
}
