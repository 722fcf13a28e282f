/// How teams are ranked.
public struct ScoringSettings: Codable, Sendable, Hashable {
    /// The metric ranked on, higher is better.
    public enum Metric: String, Codable, Sendable, Hashable, CaseIterable {
        /// Final equity minus starting balance (USDT), averaged over runs.
        case pnl
        /// PnL divided by the starting balance, in basis points.
        case returnBps = "return_bps"
        /// Mean per-tick equity change over its standard deviation, ×1000 (integer).
        case sharpe
    }

    public var metric: Metric
    /// Tie-breaks after the metric: `max_drawdown` (smaller first), `submitted_at` (earlier first).
    public var tieBreaks: [String]

    public init(metric: Metric = .pnl, tieBreaks: [String] = ["max_drawdown", "submitted_at"]) {
        self.metric = metric
        self.tieBreaks = tieBreaks
    }

    enum CodingKeys: String, CodingKey {
        case metric
        case tieBreaks = "tie_breaks"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metric = try container.decodeIfPresent(Metric.self, forKey: .metric) ?? .pnl
        tieBreaks =
            try container.decodeIfPresent([String].self, forKey: .tieBreaks) ?? ["max_drawdown", "submitted_at"]
    }
}
