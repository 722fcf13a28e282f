import MarketModel
public import Scoring

extension HeatRanking {
    /// Applies the heat ranking (``Scoring/HeatRanking``) to a run's team results: fills in
    /// `score` and `rank` and returns the teams in rank order. The runner records this in every
    /// transcript and the verifier recomputes it.
    public static func rank(_ teams: [TeamResult]) -> [TeamResult] {
        var scored = teams
        for index in scored.indices {
            scored[index].score = score(finalEquity: scored[index].finalEquity, deposited: scored[index].deposited)
        }
        let entries = scored.map { Entry(slot: $0.slot, label: $0.label, score: $0.score) }
        var ranked = order(entries).map { scored[$0] }
        for index in ranked.indices { ranked[index].rank = index + 1 }
        return ranked
    }
}
