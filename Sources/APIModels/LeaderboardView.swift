public import Foundation

/// `GET /v1/contests/{id}/leaderboard`: ranked rows with provenance on each.
public struct LeaderboardView: Codable, Sendable, Equatable {
    public var contestId: String
    /// `live`, `frozen`, `publishing` (sealed, the signed board follows within seconds) or `final`.
    public var state: String
    /// The metric ranked on (from the contest's scoring settings).
    public var metric: String
    public var evaluationId: Int64?
    public var engineVersion: String
    public var updatedAt: Date?
    public var page: Int
    public var pageSize: Int
    public var total: Int
    public var rows: [LeaderboardRow]
    /// The signed board version these rows come from (`final` boards only).
    public var boardVersion: Int?
    /// Where that signed version is served byte for byte (`final` boards only).
    public var boardUrl: String?

    public init(
        contestId: String, state: String, metric: String, evaluationId: Int64?, engineVersion: String,
        updatedAt: Date?, page: Int, pageSize: Int, total: Int, rows: [LeaderboardRow], boardVersion: Int? = nil,
        boardUrl: String? = nil
    ) {
        self.boardVersion = boardVersion
        self.boardUrl = boardUrl
        self.contestId = contestId
        self.state = state
        self.metric = metric
        self.evaluationId = evaluationId
        self.engineVersion = engineVersion
        self.updatedAt = updatedAt
        self.page = page
        self.pageSize = pageSize
        self.total = total
        self.rows = rows
    }
}

/// One team's standing. Teams without a valid score rank below every scored team.
public struct LeaderboardRow: Codable, Sendable, Equatable {
    public var rank: Int
    public var teamId: Int64
    public var team: String
    /// `scored`, `failed` (no valid score), `disqualified`.
    public var status: String
    /// Mean score over the team's runs, as a decimal string; nil without a valid score.
    public var score: String?
    /// Half-width of the 95 % confidence interval of the mean, decimal; nil with fewer than 2 runs.
    public var scoreCi95: String?
    public var pnl: String
    public var fees: String
    public var funding: String
    public var trades: Int
    public var liquidations: Int
    public var maxDrawdown: String
    public var submissionId: Int64
    public var submissionSha256: String
    public var submittedAt: Date
    public var fault: String?
    public var runs: [RunProvenance]

    public init(
        rank: Int, teamId: Int64, team: String, status: String, score: String?, scoreCi95: String?, pnl: String,
        fees: String, funding: String, trades: Int, liquidations: Int, maxDrawdown: String, submissionId: Int64,
        submissionSha256: String, submittedAt: Date, fault: String?, runs: [RunProvenance]
    ) {
        self.rank = rank
        self.teamId = teamId
        self.team = team
        self.status = status
        self.score = score
        self.scoreCi95 = scoreCi95
        self.pnl = pnl
        self.fees = fees
        self.funding = funding
        self.trades = trades
        self.liquidations = liquidations
        self.maxDrawdown = maxDrawdown
        self.submissionId = submissionId
        self.submissionSha256 = submissionSha256
        self.submittedAt = submittedAt
        self.fault = fault
        self.runs = runs
    }
}

/// Where a leaderboard number came from: the run, its seed (public rounds only) and its audit trail.
public struct RunProvenance: Codable, Sendable, Equatable {
    public var runId: Int64
    public var round: Int
    public var heat: Int
    /// Seed of a public round; nil for private rounds until results are published.
    public var seed: String?
    public var score: String?
    public var transcriptRoot: String?
    public var transcriptUrl: String
    public var attestationUrl: String

    public init(
        runId: Int64, round: Int, heat: Int, seed: String?, score: String?, transcriptRoot: String?,
        transcriptUrl: String, attestationUrl: String
    ) {
        self.runId = runId
        self.round = round
        self.heat = heat
        self.seed = seed
        self.score = score
        self.transcriptRoot = transcriptRoot
        self.transcriptUrl = transcriptUrl
        self.attestationUrl = attestationUrl
    }
}
