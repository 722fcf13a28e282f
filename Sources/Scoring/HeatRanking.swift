public import MarketModel

/// The ranking of the teams within one heat, recorded in every transcript's results and
/// recomputed by the verifier (the board's ranking across runs is ``Ranking``).
///
/// score = final equity − total deposited. Rank by score, highest first; equal scores are ordered
/// by team label (ascending, byte-wise), then by slot, so ranks are 1…n and distinct. Faulted
/// teams are ranked like everyone else, by their equity after close-out.
public enum HeatRanking {
    /// What the rule needs to know about one team of the heat.
    public struct Entry: Sendable, Equatable {
        /// Heat slot (unique within the heat).
        public var slot: UInt32
        /// Team label (tie-breaker).
        public var label: String
        /// See ``HeatRanking/score(finalEquity:deposited:)``.
        public var score: Money

        /// Creates an entry.
        public init(slot: UInt32, label: String, score: Money) {
            self.slot = slot
            self.label = label
            self.score = score
        }
    }

    /// A team's score in a heat: final equity minus everything it deposited.
    public static func score(finalEquity: Money, deposited: Money) -> Money {
        Money(units: finalEquity.units - deposited.units)
    }

    /// Whether `lhs` ranks before `rhs` (a strict total order for distinct slots).
    public static func precedes(_ lhs: Entry, _ rhs: Entry) -> Bool {
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        if lhs.label != rhs.label { return Array(lhs.label.utf8).lexicographicallyPrecedes(Array(rhs.label.utf8)) }
        return lhs.slot < rhs.slot
    }

    /// The indices of `entries` in rank order (the entry at `order(entries)[0]` has rank 1).
    public static func order(_ entries: [Entry]) -> [Int] {
        entries.indices.sorted { precedes(entries[$0], entries[$1]) }
    }
}
