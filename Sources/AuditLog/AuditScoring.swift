import MarketModel

/// The provisional scoring rule the verifier recomputes (until the Scoring module's
/// `Scoring.rank` replaces it through ``TranscriptVerifier/Configuration/rank``).
///
/// score = final equity − total deposited. Rank by score, highest first; equal scores are ordered
/// by team label (ascending, byte-wise) and still get distinct ranks. Faulted teams are ranked
/// like everyone else, by their equity after close-out.
public enum AuditScoring {
    /// Fills in `score` and `rank` and returns the teams in rank order.
    public static func rank(_ teams: [TeamResult]) -> [TeamResult] {
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
}
