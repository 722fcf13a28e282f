/// A team's place on the leaderboard.
public struct Standing: Sendable, Equatable {
    /// `scored`, `faulted`, `no_runs` or `disqualified`, in that order of precedence on the board.
    public enum Status: String, Sendable, Equatable {
        case scored
        case faulted
        case noRuns = "no_runs"
        case disqualified
    }

    public var teamId: Int64
    /// 1-based, no gaps, no shared ranks (tie-breaks decide).
    public var rank: Int
    public var status: Status
    /// Mean score over runs; nil unless `scored`.
    public var mean: Int64?
    /// Half-width of the 95 % confidence interval of the mean; nil with fewer than two runs.
    public var confidence95: Int64?
}
