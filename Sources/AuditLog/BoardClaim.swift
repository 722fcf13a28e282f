/// What a board states about a contest's runs and ranks, from a signed ``BoardSnapshot`` or from
/// an unsigned live leaderboard (values the source does not state are `nil`). The claim checks
/// compare verified transcripts against it.
public struct BoardClaim: Hashable, Sendable {
    /// Where the claim comes from.
    public enum Origin: Hashable, Sendable {
        /// A signed snapshot (its version and signing key).
        case snapshot(version: Int64, keyID: String)
        /// The unsigned live leaderboard.
        case liveLeaderboard
    }

    /// One team's line, in rank order.
    public struct Row: Hashable, Sendable {
        public var rank: Int64
        public var teamID: Int64
        public var team: String
        public var status: String
        /// Mean run score in metric units.
        public var score: Int64?
        public var scoreCI95: Int64?
        public var maxDrawdown: Int64?
        public var submissionID: Int64
        public var submissionSHA256: String?
        public var runIDs: [Int64]

        /// Creates a row.
        public init(
            rank: Int64, teamID: Int64, team: String, status: String, score: Int64?, scoreCI95: Int64?,
            maxDrawdown: Int64?, submissionID: Int64, submissionSHA256: String?, runIDs: [Int64]
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
            self.runIDs = runIDs
        }
    }

    /// One team's numbers in one run.
    public struct Team: Hashable, Sendable {
        public var teamID: Int64
        public var score: Int64?
        public var maxDrawdown: Int64?
        public var faulted: Bool?

        /// Creates an entry.
        public init(teamID: Int64, score: Int64?, maxDrawdown: Int64?, faulted: Bool?) {
            self.teamID = teamID
            self.score = score
            self.maxDrawdown = maxDrawdown
            self.faulted = faulted
        }
    }

    /// One run.
    public struct Run: Hashable, Sendable {
        public var runID: Int64
        public var round: Int64
        public var heat: Int64
        public var seed: UInt64?
        public var transcriptRoot: Hash256?
        public var resultsDigest: Hash256?
        public var teams: [Team]

        /// Creates a run.
        public init(
            runID: Int64, round: Int64, heat: Int64, seed: UInt64?, transcriptRoot: Hash256?, resultsDigest: Hash256?,
            teams: [Team]
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

    public var origin: Origin
    public var contestID: String
    /// The definition hash the board names (snapshots only).
    public var definitionSHA256: String?
    public var evaluationID: Int64?
    /// The scoring metric the board ranks by.
    public var metric: String
    /// The seed commitment (snapshots only).
    public var seeds: SeedCommitment?
    /// In rank order.
    public var rows: [Row]
    /// Each run once.
    public var runs: [Run]

    /// Creates a claim.
    public init(
        origin: Origin, contestID: String, definitionSHA256: String?, evaluationID: Int64?, metric: String,
        seeds: SeedCommitment?, rows: [Row], runs: [Run]
    ) {
        self.origin = origin
        self.contestID = contestID
        self.definitionSHA256 = definitionSHA256
        self.evaluationID = evaluationID
        self.metric = metric
        self.seeds = seeds
        self.rows = rows
        self.runs = runs
    }

    /// The claim a signed snapshot makes.
    public init(_ board: SignedBoard) {
        let snapshot = board.snapshot
        self.init(
            origin: .snapshot(version: snapshot.version, keyID: board.keyID), contestID: snapshot.contestID,
            definitionSHA256: snapshot.definitionSHA256, evaluationID: snapshot.evaluationID,
            metric: snapshot.scoring.metric, seeds: snapshot.seeds,
            rows: snapshot.rows.map {
                Row(
                    rank: $0.rank, teamID: $0.teamID, team: $0.team, status: $0.status, score: $0.score,
                    scoreCI95: $0.scoreCI95, maxDrawdown: $0.maxDrawdown, submissionID: $0.submissionID,
                    submissionSHA256: $0.submissionSHA256, runIDs: $0.runs)
            },
            runs: snapshot.runs.map { run in
                Run(
                    runID: run.runID, round: run.round, heat: run.heat, seed: run.seed,
                    transcriptRoot: run.transcriptRoot, resultsDigest: run.resultsDigest,
                    teams: run.teams.map {
                        Team(teamID: $0.teamID, score: $0.score, maxDrawdown: $0.maxDrawdown, faulted: $0.faulted)
                    })
            })
    }

    /// The run with id `runID`, if the board lists it.
    public func run(_ runID: Int64) -> Run? { runs.first { $0.runID == runID } }

    /// The row of team `teamID`.
    public func row(team teamID: Int64) -> Row? { rows.first { $0.teamID == teamID } }

    /// Whether the claim is signed.
    public var isSigned: Bool {
        if case .snapshot = origin { return true }
        return false
    }
}
