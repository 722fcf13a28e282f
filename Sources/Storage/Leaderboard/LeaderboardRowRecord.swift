import Foundation

/// One leaderboard row ready to store.
public struct LeaderboardRowRecord: Sendable, Equatable {
    public var teamId: Int64
    public var rank: Int
    public var score: Int64?
    public var scoreCI: Int64?
    public var status: String
    public var rowJSON: String

    public init(teamId: Int64, rank: Int, score: Int64?, scoreCI: Int64?, status: String, rowJSON: String) {
        self.teamId = teamId
        self.rank = rank
        self.score = score
        self.scoreCI = scoreCI
        self.status = status
        self.rowJSON = rowJSON
    }
}
