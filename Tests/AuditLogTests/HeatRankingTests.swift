import AuditLog
import MarketModel
import Scoring
import Testing

@Suite("Heat ranking")
struct HeatRankingTests {
    /// The rule as AuditLog implemented it before it moved to Scoring (the reference).
    static func reference(_ teams: [TeamResult]) -> [TeamResult] {
        var scored = teams.map { team -> TeamResult in
            var team = team
            team.score = Money(units: team.finalEquity.units - team.deposited.units)
            return team
        }
        scored.sort { lhs, rhs in
            if lhs.score != rhs.score { return lhs.score > rhs.score }
            if lhs.label != rhs.label { return Array(lhs.label.utf8).lexicographicallyPrecedes(Array(rhs.label.utf8)) }
            return lhs.slot < rhs.slot
        }
        for index in scored.indices { scored[index].rank = index + 1 }
        return scored
    }

    @Test("the Scoring rule ranks exactly as the former AuditLog rule")
    func sameAsBefore() {
        var generator = SplitMix64(seed: 7)
        for _ in 0..<300 {
            let count = Int(generator.next() % 9) + 1
            let labels = ["alpha", "Alpha", "bravo", "b", "é", "z"]
            let teams = (0..<count).map { slot -> TeamResult in
                TeamResult(
                    slot: UInt32(slot), teamID: "t\(slot)", label: labels[Int(generator.next() % 6)],
                    account: AccountID(UInt32(slot)), deposited: .usdt(100),
                    finalEquity: Money(units: 10_000_000_000 + Int64(generator.next() % 5) * 1_000_000))
            }
            #expect(HeatRanking.rank(teams) == Self.reference(teams))
        }
    }

    @Test("a recorded run's results verify under the moved rule")
    func recordedRunStillVerifies() throws {
        let fixture = try RunFixture()
        let report = fixture.verify()
        #expect(report.verified, "\(String(describing: report.divergence))")
        #expect(fixture.transcript.results.teams == Self.reference(fixture.transcript.results.teams))
    }

    @Test("board ranks: the ranking rule orders by mean score, then drawdown, then submission")
    func boardRanks() {
        let standings = Ranking.rank([
            TeamRuns(teamId: 1, submissionId: 10, disqualified: false, scores: [5, 7], faulted: false, maxDrawdown: 3),
            TeamRuns(teamId: 2, submissionId: 11, disqualified: false, scores: [6, 6], faulted: false, maxDrawdown: 2),
            TeamRuns(teamId: 3, submissionId: 9, disqualified: false, scores: [9], faulted: true, maxDrawdown: 0),
        ])
        #expect(standings.map(\.teamId) == [2, 1, 3])
        #expect(standings.map(\.status) == [.scored, .scored, .faulted])
    }
}
