import Scoring
import Testing

@Suite struct RankingTests {
    func team(
        _ id: Int64, scores: [Int64], faulted: Bool = false, disqualified: Bool = false, drawdown: Int64 = 0,
        submission: Int64? = nil
    ) -> TeamRuns {
        TeamRuns(
            teamId: id, submissionId: submission ?? id, disqualified: disqualified, scores: scores,
            faulted: faulted, maxDrawdown: drawdown)
    }

    @Test func scoredTeamsRankByMeanAndRanksHaveNoGaps() {
        let standings = Ranking.rank([team(1, scores: [10, 20]), team(2, scores: [50]), team(3, scores: [-5, 5])])
        #expect(standings.map(\.teamId) == [2, 1, 3])
        #expect(standings.map(\.rank) == [1, 2, 3])
        #expect(standings.map(\.mean) == [50, 15, 0])
    }

    @Test func entriesWithoutAValidScoreNeverOutrankScoredOnes() {
        let standings = Ranking.rank([
            team(1, scores: [1_000_000], faulted: true), team(2, scores: [-900]), team(3, scores: []),
            team(4, scores: [5_000_000], disqualified: true),
        ])
        #expect(standings.map(\.teamId) == [2, 1, 3, 4])
        #expect(standings.map(\.status) == [.scored, .faulted, .noRuns, .disqualified])
        #expect(standings[1].mean == nil, "a faulted entry shows no score")
    }

    @Test func tiesBreakOnDrawdownThenEarlierSubmission() {
        let standings = Ranking.rank([
            team(1, scores: [100], drawdown: 50, submission: 9), team(2, scores: [100], drawdown: 10, submission: 10),
            team(3, scores: [100], drawdown: 50, submission: 3),
        ])
        #expect(standings.map(\.teamId) == [2, 3, 1])
    }

    @Test func confidenceIntervalMatchesTheFormula() {
        // values 10, 20, 30: s = 10, s/sqrt(3) = 5.7735, ×1.96 = 11.316 → 11
        #expect(Ranking.confidence95([10, 20, 30]) == 11)
        #expect(Ranking.confidence95([7]) == nil)
        #expect(Ranking.confidence95([4, 4, 4]) == 0)
    }
}
