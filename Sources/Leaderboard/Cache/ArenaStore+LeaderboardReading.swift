import Storage

/// The PostgreSQL store serves the leaderboard reads.
extension ArenaStore: LeaderboardReading {}
