/// Settings of the leaderboard cache.
public struct LeaderboardCacheConfiguration: Sendable {
    /// How long a rendered board is served from memory before it is read again.
    public var cacheMilliseconds: Int
    /// Engine version reported on every board.
    public var engineVersion: String

    public init(cacheMilliseconds: Int = 1000, engineVersion: String = "unknown") {
        self.cacheMilliseconds = cacheMilliseconds
        self.engineVersion = engineVersion
    }
}
