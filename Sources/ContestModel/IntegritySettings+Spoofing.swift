extension IntegritySettings {
    /// Spoofing and quote stuffing: a team is flagged when it places many orders, almost none of
    /// which fill, cancels nearly all of them, and its order-to-fill ratio is far above the field's.
    public struct Spoofing: Codable, Sendable, Hashable {
        /// Orders placed per run (on average over the team's runs).
        public var minOrdersPerRun: Int
        /// Orders placed / orders that filled at least once.
        public var minOrderToFill: String
        /// The order-to-fill ratio must also reach this multiple of the field's median.
        public var fieldMultiple: String
        /// Orders the team cancelled itself / orders accepted.
        public var minCancelRate: String

        public init(
            minOrdersPerRun: Int = 500, minOrderToFill: String = "50", fieldMultiple: String = "10",
            minCancelRate: String = "0.9"
        ) {
            self.minOrdersPerRun = minOrdersPerRun
            self.minOrderToFill = minOrderToFill
            self.fieldMultiple = fieldMultiple
            self.minCancelRate = minCancelRate
        }

        enum CodingKeys: String, CodingKey {
            case minOrdersPerRun = "min_orders_per_run"
            case minOrderToFill = "min_order_to_fill"
            case fieldMultiple = "field_multiple"
            case minCancelRate = "min_cancel_rate"
        }

        public init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            let d = Spoofing()
            minOrdersPerRun = try c.integrityInt(.minOrdersPerRun, d.minOrdersPerRun, in: 1...100_000_000)
            minOrderToFill = try c.integrityDecimal(
                .minOrderToFill, d.minOrderToFill, in: 1_000_000...1_000_000_000_000, parse: IntegritySettings.ppm,
                unit: "a ratio in 1..1000000")
            fieldMultiple = try c.integrityDecimal(
                .fieldMultiple, d.fieldMultiple, in: 0...1_000_000_000_000, parse: IntegritySettings.ppm,
                unit: "a multiple in 0..1000000")
            minCancelRate = try c.integrityDecimal(
                .minCancelRate, d.minCancelRate, in: 0...1_000_000, parse: IntegritySettings.ppm,
                unit: "a ratio in 0..1")
        }
    }
}
