/// A team whose position changes repeat another team's after a lag (see ``CopyDetector``).
/// Ratios and similarities are parts per million; changes are valued in whole USDT.
public struct CopyFinding: Sendable, Hashable {
    /// A leader change and the follower change that repeated it.
    public struct Example: Sendable, Hashable {
        public var runID: String
        public var symbol: String
        public var leaderTick: Int
        public var followerTick: Int
        /// Position changes valued at the mark, whole USDT.
        public var leaderChangeUSDT: Int64
        public var followerChangeUSDT: Int64
    }

    /// The pair in one shared run.
    public struct Run: Sendable, Hashable {
        public var runID: String
        /// Cosine at the evaluation's best lag, in this run alone.
        public var cosinePPM: Int64
        public var followRatioPPM: Int64
        public var leaderChanges: Int
        public var followerChanges: Int
    }

    public var leader: TeamRef
    public var follower: TeamRef
    /// The lag (ticks) at which the follower's changes best match the leader's.
    public var lag: Int
    /// Cosine similarity of the follower's changes with the leader's shifted by `lag`.
    public var cosinePPM: Int64
    /// The same at lag 0 (simultaneous).
    public var simultaneousCosinePPM: Int64
    /// The best cosine with the roles swapped (the "leader" following the "follower").
    public var reverseCosinePPM: Int64
    /// Share of the follower's changes that repeat a leader change (same market and direction)
    /// `lag` ± 1 ticks earlier.
    public var followRatioPPM: Int64
    /// Share of the leader's changes repeated that way.
    public var leaderCoveragePPM: Int64
    public var leaderChanges: Int
    public var followerChanges: Int
    /// Cosine at lags 0 … max lag, leader first (the similarity curve).
    public var curvePPM: [Int64]
    public var runs: [Run]
    /// The first repeated changes (at most 10).
    public var examples: [Example]
}
