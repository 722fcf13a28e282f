/// Ranks teams: scored entries by mean score (higher first), then smaller drawdown, then earlier
/// submission, then team id; entries without a valid score (faulted, no runs) always rank below
/// every scored entry, and disqualified teams last.
public enum Ranking {
    public static func rank(_ teams: [TeamRuns]) -> [Standing] {
        func status(_ team: TeamRuns) -> Standing.Status {
            if team.disqualified { return .disqualified }
            if team.scores.isEmpty { return .noRuns }
            return team.faulted ? .faulted : .scored
        }
        let order: [Standing.Status] = [.scored, .faulted, .noRuns, .disqualified]
        let sorted = teams.sorted { a, b in
            let sa = order.firstIndex(of: status(a)) ?? 0
            let sb = order.firstIndex(of: status(b)) ?? 0
            if sa != sb { return sa < sb }
            let ma = mean(a.scores) ?? Int64.min
            let mb = mean(b.scores) ?? Int64.min
            if ma != mb { return ma > mb }
            if a.maxDrawdown != b.maxDrawdown { return a.maxDrawdown < b.maxDrawdown }
            if a.submissionId != b.submissionId { return a.submissionId < b.submissionId }
            return a.teamId < b.teamId
        }
        return sorted.enumerated().map { index, team in
            let teamStatus = status(team)
            return Standing(
                teamId: team.teamId, rank: index + 1, status: teamStatus,
                mean: teamStatus == .scored ? mean(team.scores) : nil,
                confidence95: teamStatus == .scored ? confidence95(team.scores) : nil)
        }
    }

    /// Mean rounded toward zero.
    public static func mean(_ values: [Int64]) -> Int64? {
        guard !values.isEmpty else { return nil }
        return Int64(values.reduce(Int128(0)) { $0 + Int128($1) } / Int128(values.count))
    }

    /// 1.96 · s / √n with the sample standard deviation s, in integer arithmetic.
    public static func confidence95(_ values: [Int64]) -> Int64? {
        guard values.count >= 2 else { return nil }
        let n = Int128(values.count)
        let sum = values.reduce(Int128(0)) { $0 + Int128($1) }
        let sumSquares = values.reduce(Int128(0)) { $0 + Int128($1) * Int128($1) }
        // Σ(x − x̄)² = Σx² − (Σx)²/n ; s²/n = that / ((n − 1)·n); scale by 10⁴ for the 1.96 factor.
        let deviations = sumSquares - sum * sum / n
        let varianceOfMean = deviations * 10_000 / ((n - 1) * n)
        return Int64(IntegerMath.squareRoot(varianceOfMean) * 196 / 10_000)
    }
}
