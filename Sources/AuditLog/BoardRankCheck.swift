import MarketModel
public import Scoring

/// Recomputes a board's ranks from verified run results with the board's scoring rule
/// (``Scoring/Ranking``) and names the first row that does not follow.
public enum BoardRankCheck {
    /// One team's verified numbers in one run (from a replayed transcript).
    public struct VerifiedTeam: Hashable, Sendable {
        public var score: Int64
        public var maxDrawdown: Int64
        public var faulted: Bool

        /// Creates an entry.
        public init(score: Int64, maxDrawdown: Int64, faulted: Bool) {
            self.score = score
            self.maxDrawdown = maxDrawdown
            self.faulted = faulted
        }
    }

    /// The verified numbers of a run by team id, from a verification report with equity curves.
    public static func verifiedTeams(_ report: VerificationReport, metric: RankingMetric) -> [Int64: VerifiedTeam] {
        var teams: [Int64: VerifiedTeam] = [:]
        for equity in report.equity {
            guard let id = Int64(equity.teamID) else { continue }
            let faulted = report.results?.teams.first { $0.teamID == equity.teamID }?.faulted ?? false
            teams[id] = VerifiedTeam(
                score: equity.metrics.score(metric), maxDrawdown: equity.metrics.maxDrawdown.units, faulted: faulted)
        }
        return teams
    }

    /// The first row of `board` that does not follow from `verified` (run id → team id → numbers),
    /// or `nil` when every row does. Every run a row names must be in `verified`.
    public static func check(_ board: BoardClaim, verified: [Int64: [Int64: VerifiedTeam]]) -> Divergence? {
        guard let metric = RankingMetric(rawValue: board.metric) else {
            return Divergence(
                .boardInvalid, found: board.metric, message: "the board ranks by an unknown metric \(board.metric)")
        }
        for (index, row) in board.rows.enumerated() where row.rank != Int64(index + 1) {
            return Divergence(
                .rankMismatch, expected: "\(index + 1)", found: "\(row.rank)",
                message: "row \(index + 1) (\(row.team)) has rank \(row.rank): ranks must run 1…n in order")
        }
        var teams: [TeamRuns] = []
        for row in board.rows {
            var scores: [Int64] = []
            var drawdown: Int64 = 0
            var faulted = false
            for runID in row.runIDs {
                guard let team = verified[runID]?[row.teamID] else {
                    return Divergence(
                        .memberMismatch, found: "run \(runID)",
                        message:
                            "row \(row.rank) (\(row.team)) counts run \(runID), whose verified results do not include team \(row.teamID)"
                    )
                }
                scores.append(team.score)
                drawdown = max(drawdown, team.maxDrawdown)
                faulted = faulted || team.faulted
            }
            teams.append(
                TeamRuns(
                    teamId: row.teamID, submissionId: row.submissionID, disqualified: row.status == "disqualified",
                    scores: scores, faulted: faulted, maxDrawdown: drawdown))
        }
        let standings = Ranking.rank(teams)
        for (row, standing) in zip(board.rows, standings) {
            guard row.teamID == standing.teamId else {
                let expected = board.rows.first { $0.teamID == standing.teamId }?.team ?? "\(standing.teamId)"
                return Divergence(
                    .rankMismatch, expected: "\(expected) (team \(standing.teamId))",
                    found: "\(row.team) (team \(row.teamID))",
                    message:
                        "row \(row.rank) does not follow: the board ranks \(row.team) #\(row.rank), the verified results rank \(expected) #\(standing.rank)"
                )
            }
            if row.status != standing.status.rawValue {
                return Divergence(
                    .rankMismatch, expected: standing.status.rawValue, found: row.status,
                    message:
                        "row \(row.rank) (\(row.team)): the board says \(row.status), the verified results say \(standing.status.rawValue)"
                )
            }
            if let claimed = row.score, claimed != standing.mean ?? Int64.min {
                let recomputed = standing.mean.map { MetricText.format($0, metric) } ?? "none"
                return Divergence(
                    .metricMismatch, expected: recomputed, found: MetricText.format(claimed, metric),
                    message:
                        "row \(row.rank) (\(row.team)): the board's score is \(MetricText.format(claimed, metric)), the verified runs give \(recomputed)"
                )
            }
            if row.score == nil, standing.mean != nil, board.isSigned {
                return Divergence(
                    .metricMismatch,
                    message: "row \(row.rank) (\(row.team)): the board states no score, the verified runs give one")
            }
            if let claimed = row.scoreCI95, claimed != standing.confidence95 ?? Int64.min {
                return Divergence(
                    .metricMismatch, expected: standing.confidence95.map { MetricText.format($0, metric) } ?? "none",
                    found: MetricText.format(claimed, metric),
                    message: "row \(row.rank) (\(row.team)): the board's 95 % interval differs from the verified runs'")
            }
            let drawdown = teams.first { $0.teamId == row.teamID }?.maxDrawdown ?? 0
            if let claimed = row.maxDrawdown, claimed != drawdown {
                return Divergence(
                    .metricMismatch, expected: Money(units: drawdown).decimal, found: Money(units: claimed).decimal,
                    message:
                        "row \(row.rank) (\(row.team)): the board's max drawdown is \(Money(units: claimed).decimal), the verified runs give \(Money(units: drawdown).decimal)"
                )
            }
        }
        return nil
    }
}
