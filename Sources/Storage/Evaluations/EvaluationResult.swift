public import Foundation

/// One stored run result with what the leaderboard needs to rank it.
public struct EvaluationResult: Sendable, Equatable {
    public var runId: Int64
    public var round: Int
    public var heat: Int
    public var seed: UInt64
    public var seedPublic: Bool
    public var transcriptRoot: String?
    public var teamId: Int64
    public var teamName: String
    public var disqualified: Bool
    public var submissionId: Int64
    public var submissionSHA256: String
    public var submittedAt: Date
    public var result: RunResultRecord
}
