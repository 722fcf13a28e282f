import MarketModel

/// Splits a field of teams into heats of at most `heatSize`, reshuffled every round with the
/// round's seed, so everyone meets different opponents and the split is reproducible.
public enum HeatPlanner {
    /// One heat of one round: the teams (by their ids) in slot order.
    public struct Heat: Sendable, Equatable {
        public var round: Int
        public var heat: Int
        public var seed: UInt64
        public var seedPublic: Bool
        public var teams: [Int64]
    }

    /// Plans every round. Heats are balanced: sizes differ by at most one.
    public static func plan(teams: [Int64], rounds: [(seed: UInt64, isPublic: Bool)], heatSize: Int) -> [Heat] {
        guard !teams.isEmpty, heatSize > 0 else { return [] }
        let sortedTeams = teams.sorted()
        var heats: [Heat] = []
        for (roundIndex, round) in rounds.enumerated() {
            var generator = SplitMix64(seed: round.seed ^ 0xA5A5_5A5A_C3C3_3C3C)
            var order = sortedTeams
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(index, generator.below(index + 1))
            }
            let heatCount = (order.count + heatSize - 1) / heatSize
            let base = order.count / heatCount
            let extra = order.count % heatCount
            var start = 0
            for heatIndex in 0..<heatCount {
                let size = base + (heatIndex < extra ? 1 : 0)
                heats.append(
                    Heat(
                        round: roundIndex, heat: heatIndex, seed: round.seed &+ UInt64(heatIndex),
                        seedPublic: round.isPublic, teams: Array(order[start..<start + size])))
                start += size
            }
        }
        return heats
    }
}
