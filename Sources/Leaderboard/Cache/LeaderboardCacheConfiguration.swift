/// Settings of the leaderboard cache.
public struct LeaderboardCacheConfiguration: Sendable {
    /// How long a rendered board is served from memory before it is read again.
    public var cacheMilliseconds: Int
    /// Engine version reported on every board.
    public var engineVersion: String
    /// Boards (contest × public or organizer view) kept in memory; the least recently read is
    /// dropped first.
    public var maxBoards: Int
    /// Encoded pages kept per board (the most recently asked); any other page is sliced from the
    /// board on request, so the number of distinct page keys never grows memory.
    public var maxPagesPerBoard: Int

    public init(
        cacheMilliseconds: Int = 1000, engineVersion: String = "unknown", maxBoards: Int = 64,
        maxPagesPerBoard: Int = 16
    ) {
        self.cacheMilliseconds = cacheMilliseconds
        self.engineVersion = engineVersion
        self.maxBoards = maxBoards
        self.maxPagesPerBoard = maxPagesPerBoard
    }
}
