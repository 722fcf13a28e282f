extension IntegritySettings {
    /// PnL transfer: a pair is flagged when all four thresholds are reached over the evaluation.
    public struct Transfer: Codable, Sendable, Hashable {
        /// Net value (USDT) one team received from the other through their fills, each fill
        /// valued against the mark at the fill.
        public var minUSDT: String
        /// Fills between the two teams.
        public var minFills: Int
        /// |net| / gross of the per-fill transfers (1 = every fill moved value the same way).
        public var minOneSided: String
        /// Share of the receiver's positive fill value (by counterparty) that came from this team.
        public var minConcentration: String

        public init(
            minUSDT: String = "50", minFills: Int = 5, minOneSided: String = "0.6", minConcentration: String = "0.5"
        ) {
            self.minUSDT = minUSDT
            self.minFills = minFills
            self.minOneSided = minOneSided
            self.minConcentration = minConcentration
        }

        enum CodingKeys: String, CodingKey {
            case minUSDT = "min_usdt"
            case minFills = "min_fills"
            case minOneSided = "min_one_sided"
            case minConcentration = "min_concentration"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Transfer()
            minUSDT = try c.integrityDecimal(
                .minUSDT, d.minUSDT, in: 0...Int64.max, parse: IntegritySettings.units, unit: "a non-negative amount")
            minFills = try c.integrityInt(.minFills, d.minFills, in: 1...1_000_000)
            minOneSided = try c.integrityDecimal(
                .minOneSided, d.minOneSided, in: 0...1_000_000, parse: IntegritySettings.ppm, unit: "a ratio in 0..1")
            minConcentration = try c.integrityDecimal(
                .minConcentration, d.minConcentration, in: 0...1_000_000, parse: IntegritySettings.ppm,
                unit: "a ratio in 0..1")
        }
    }
}
