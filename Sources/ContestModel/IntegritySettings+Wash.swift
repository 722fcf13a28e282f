extension IntegritySettings {
    /// Wash trading: a pair is flagged in a run when its fills with each other come back to
    /// where they started within `window_ticks` often enough, for enough value.
    public struct Wash: Codable, Sendable, Hashable {
        /// A fill is matched by an opposite fill between the same two teams at most this many
        /// ticks later.
        public var windowTicks: Int
        /// Round trips (closing fills that matched) in one run.
        public var minRoundTrips: Int
        /// Matched notional (both legs, USDT) in one run.
        public var minMatchedUSDT: String
        /// Matched notional / the pair's traded notional with each other in that run.
        public var minMatchedShare: String

        public init(
            windowTicks: Int = 20, minRoundTrips: Int = 10, minMatchedUSDT: String = "10000",
            minMatchedShare: String = "0.5"
        ) {
            self.windowTicks = windowTicks
            self.minRoundTrips = minRoundTrips
            self.minMatchedUSDT = minMatchedUSDT
            self.minMatchedShare = minMatchedShare
        }

        enum CodingKeys: String, CodingKey {
            case windowTicks = "window_ticks"
            case minRoundTrips = "min_round_trips"
            case minMatchedUSDT = "min_matched_usdt"
            case minMatchedShare = "min_matched_share"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Wash()
            windowTicks = try c.integrityInt(.windowTicks, d.windowTicks, in: 1...100_000)
            minRoundTrips = try c.integrityInt(.minRoundTrips, d.minRoundTrips, in: 1...1_000_000)
            minMatchedUSDT = try c.integrityDecimal(
                .minMatchedUSDT, d.minMatchedUSDT, in: 0...Int64.max, parse: IntegritySettings.units,
                unit: "a non-negative amount")
            minMatchedShare = try c.integrityDecimal(
                .minMatchedShare, d.minMatchedShare, in: 0...1_000_000, parse: IntegritySettings.ppm,
                unit: "a ratio in 0..1")
        }
    }
}
