extension IntegritySettings {
    /// Copying: a pair is flagged when one team's position changes repeat the other's after a
    /// lag, over every run of the evaluation in which both took part.
    public struct Copying: Codable, Sendable, Hashable {
        /// Smallest lag searched (ticks); lag 0 is simultaneous, not copying.
        public var minLagTicks: Int
        /// Largest lag searched (ticks).
        public var maxLagTicks: Int
        /// Cosine similarity of the follower's position changes with the leader's, shifted by the lag.
        public var minCosine: String
        /// Share of the follower's position changes that repeat a leader change (same market, same
        /// direction) the lag (±1 tick) earlier.
        public var minFollowRatio: String
        /// Position changes each team must have made (over the shared runs).
        public var minChanges: Int

        public init(
            minLagTicks: Int = 1, maxLagTicks: Int = 30, minCosine: String = "0.75", minFollowRatio: String = "0.6",
            minChanges: Int = 6
        ) {
            self.minLagTicks = minLagTicks
            self.maxLagTicks = maxLagTicks
            self.minCosine = minCosine
            self.minFollowRatio = minFollowRatio
            self.minChanges = minChanges
        }

        enum CodingKeys: String, CodingKey {
            case minLagTicks = "min_lag_ticks"
            case maxLagTicks = "max_lag_ticks"
            case minCosine = "min_cosine"
            case minFollowRatio = "min_follow_ratio"
            case minChanges = "min_changes"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Copying()
            minLagTicks = try c.integrityInt(.minLagTicks, d.minLagTicks, in: 1...1_000)
            maxLagTicks = try c.integrityInt(.maxLagTicks, d.maxLagTicks, in: minLagTicks...1_000)
            minCosine = try c.integrityDecimal(
                .minCosine, d.minCosine, in: 0...1_000_000, parse: IntegritySettings.ppm, unit: "a ratio in 0..1")
            minFollowRatio = try c.integrityDecimal(
                .minFollowRatio, d.minFollowRatio, in: 0...1_000_000, parse: IntegritySettings.ppm,
                unit: "a ratio in 0..1")
            minChanges = try c.integrityInt(.minChanges, d.minChanges, in: 1...1_000_000)
        }
    }
}
