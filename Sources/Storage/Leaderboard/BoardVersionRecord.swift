public import Foundation

/// One stored version of a contest's sealed final board.
public struct BoardVersionRecord: Sendable, Equatable {
    public var contestId: String
    /// 1 for the publication, n + 1 for each amendment.
    public var version: Int
    public var evaluationId: Int64
    /// The signed envelope, canonical JSON: served byte for byte.
    public var body: String
    /// Lower-case hex SHA-256 of `body`.
    public var sha256: String
    /// SHA-256 of the previous version's body (amendments only).
    public var amendsSHA256: String?
    /// Why the board was amended (amendments only).
    public var reason: String?
    /// The platform key that signed it.
    public var keyId: String
    /// Leaderboard rows (a JSON array) rendered from the same results, served after publication.
    public var leaderboardJSON: String
    public var createdAt: Date

    public init(
        contestId: String, version: Int, evaluationId: Int64, body: String, sha256: String, amendsSHA256: String?,
        reason: String?, keyId: String, leaderboardJSON: String, createdAt: Date
    ) {
        self.contestId = contestId
        self.version = version
        self.evaluationId = evaluationId
        self.body = body
        self.sha256 = sha256
        self.amendsSHA256 = amendsSHA256
        self.reason = reason
        self.keyId = keyId
        self.leaderboardJSON = leaderboardJSON
        self.createdAt = createdAt
    }
}
