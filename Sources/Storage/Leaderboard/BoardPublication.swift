import Foundation

/// Everything a runner writes when it finishes a `publish` job, committed in one transaction
/// (and only while it holds the job's lease).
public struct BoardPublication: Sendable {
    public var jobId: Int64
    public var owner: String
    public var contestId: String
    public var version: Int
    public var evaluationId: Int64
    /// The signed envelope (canonical JSON).
    public var body: String
    /// SHA-256 of the previous version's body (amendments only).
    public var amendsSHA256: String?
    public var reason: String?
    public var keyId: String
    /// Leaderboard rows (a JSON array) rendered from the same results.
    public var leaderboardJSON: String
    /// Heat seeds of the sealed evaluation's private-round runs, revealed (run id → seed).
    public var revealedSeeds: [Int64: UInt64]
    /// Revealed commitment documents (evaluation id → canonical JSON with the material).
    public var revealDocuments: [Int64: String]
    /// Who asked for it (`organizer:NAME`), for the audit log.
    public var actor: String

    public init(
        jobId: Int64, owner: String, contestId: String, version: Int, evaluationId: Int64, body: String,
        amendsSHA256: String?, reason: String?, keyId: String, leaderboardJSON: String,
        revealedSeeds: [Int64: UInt64], revealDocuments: [Int64: String], actor: String
    ) {
        self.jobId = jobId
        self.owner = owner
        self.contestId = contestId
        self.version = version
        self.evaluationId = evaluationId
        self.body = body
        self.amendsSHA256 = amendsSHA256
        self.reason = reason
        self.keyId = keyId
        self.leaderboardJSON = leaderboardJSON
        self.revealedSeeds = revealedSeeds
        self.revealDocuments = revealDocuments
        self.actor = actor
    }
}
