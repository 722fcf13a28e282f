/// A sealed final board: what the platform signs at publication (docs/AUDIT.md, "Board snapshot").
/// Build it, sign it with ``SignedBoard/sign(_:with:)`` and serve ``SignedBoard/canonicalJSON()``.
public struct BoardSnapshot: Hashable, Sendable {
    /// The previous version an amendment replaces.
    public struct Amends: Hashable, Sendable {
        /// SHA-256 of the served bytes of the previous version.
        public var sha256: Hash256
        /// The previous version's number.
        public var version: Int64

        /// Creates a link.
        public init(sha256: Hash256, version: Int64) {
            self.sha256 = sha256
            self.version = version
        }
    }

    /// The board's ranking rule.
    public struct Scoring: Hashable, Sendable {
        /// The contest's `scoring.metric` (`pnl`, `return_bps`, `sharpe`).
        public var metric: String
        /// The contest's `scoring.tie_breaks`.
        public var tieBreaks: [String]

        /// Creates the rule.
        public init(metric: String, tieBreaks: [String]) {
            self.metric = metric
            self.tieBreaks = tieBreaks
        }
    }

    /// One team's line, in rank order.
    public struct Row: Hashable, Sendable {
        public var rank: Int64
        public var teamID: Int64
        public var team: String
        /// `scored`, `faulted`, `no_runs` or `disqualified`.
        public var status: String
        /// Mean run score (metric units); `nil` unless scored.
        public var score: Int64?
        /// Half-width of the 95 % interval of the mean; `nil` unless scored with two runs or more.
        public var scoreCI95: Int64?
        /// Largest run drawdown, 1e-8 USDT.
        public var maxDrawdown: Int64
        public var submissionID: Int64
        public var submissionSHA256: String
        /// The team's run ids, ascending.
        public var runs: [Int64]

        /// Creates a row.
        public init(
            rank: Int64, teamID: Int64, team: String, status: String, score: Int64?, scoreCI95: Int64?,
            maxDrawdown: Int64, submissionID: Int64, submissionSHA256: String, runs: [Int64]
        ) {
            self.rank = rank
            self.teamID = teamID
            self.team = team
            self.status = status
            self.score = score
            self.scoreCI95 = scoreCI95
            self.maxDrawdown = maxDrawdown
            self.submissionID = submissionID
            self.submissionSHA256 = submissionSHA256
            self.runs = runs
        }
    }

    /// One team's numbers in one run.
    public struct RunTeam: Hashable, Sendable {
        public var teamID: Int64
        /// `EquityMetrics.score(metric)` of the team's equity curve in the run.
        public var score: Int64
        /// The run's maximum drawdown, 1e-8 USDT.
        public var maxDrawdown: Int64
        /// Whether the team's bot faulted (as in the transcript's results).
        public var faulted: Bool

        /// Creates an entry.
        public init(teamID: Int64, score: Int64, maxDrawdown: Int64, faulted: Bool) {
            self.teamID = teamID
            self.score = score
            self.maxDrawdown = maxDrawdown
            self.faulted = faulted
        }
    }

    /// One run of the evaluation.
    public struct Run: Hashable, Sendable {
        public var runID: Int64
        public var round: Int64
        public var heat: Int64
        /// The heat seed (the transcript header's seed).
        public var seed: UInt64
        public var transcriptRoot: Hash256
        public var resultsDigest: Hash256
        /// By team id ascending.
        public var teams: [RunTeam]

        /// Creates a run.
        public init(
            runID: Int64, round: Int64, heat: Int64, seed: UInt64, transcriptRoot: Hash256, resultsDigest: Hash256,
            teams: [RunTeam]
        ) {
            self.runID = runID
            self.round = round
            self.heat = heat
            self.seed = seed
            self.transcriptRoot = transcriptRoot
            self.resultsDigest = resultsDigest
            self.teams = teams
        }
    }

    /// Board version: 1 at publication, n + 1 for each amendment.
    public var version: Int64
    /// The version this one amends (`nil` for version 1).
    public var amends: Amends?
    /// Why this version amends the previous one (`nil` for version 1).
    public var reason: String?
    public var contestID: String
    /// The contest's public definition hash (`GET /v1/contests/{id}` `definition_sha256`).
    public var definitionSHA256: String
    public var evaluationID: Int64
    /// UTC, `YYYY-MM-DDTHH:MM:SSZ`.
    public var publishedAt: String
    /// `final`.
    public var state: String
    public var scoring: Scoring
    /// The evaluation's seed commitment, material revealed.
    public var seeds: SeedCommitment
    /// In rank order.
    public var rows: [Row]
    /// By run id ascending.
    public var runs: [Run]

    /// Creates a snapshot.
    public init(
        version: Int64, amends: Amends?, reason: String?, contestID: String, definitionSHA256: String,
        evaluationID: Int64, publishedAt: String, state: String = "final", scoring: Scoring, seeds: SeedCommitment,
        rows: [Row], runs: [Run]
    ) {
        self.version = version
        self.amends = amends
        self.reason = reason
        self.contestID = contestID
        self.definitionSHA256 = definitionSHA256
        self.evaluationID = evaluationID
        self.publishedAt = publishedAt
        self.state = state
        self.scoring = scoring
        self.seeds = seeds
        self.rows = rows
        self.runs = runs
    }
}
