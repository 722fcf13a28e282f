/// What ranking needs to know about one team's runs in an evaluation.
public struct TeamRuns: Sendable, Equatable {
    public var teamId: Int64
    /// Earlier submissions win ties (ids increase with time).
    public var submissionId: Int64
    public var disqualified: Bool
    /// One score per completed run (the configured metric, integer units).
    public var scores: [Int64]
    /// Whether the team's bot faulted in any run; a faulted entry has no valid score.
    public var faulted: Bool
    /// Worst drawdown across runs, money units.
    public var maxDrawdown: Int64

    public init(
        teamId: Int64, submissionId: Int64, disqualified: Bool, scores: [Int64], faulted: Bool,
        maxDrawdown: Int64
    ) {
        self.teamId = teamId
        self.submissionId = submissionId
        self.disqualified = disqualified
        self.scores = scores
        self.faulted = faulted
        self.maxDrawdown = maxDrawdown
    }
}
