/// A metric the board can rank by (higher is better), with the contest's `scoring.metric` spelling.
public enum RankingMetric: String, Sendable, Hashable, Codable, CaseIterable {
    /// Final minus initial equity, money units (1e-8 USDT).
    case pnl
    /// PnL over initial equity, basis points.
    case returnBps = "return_bps"
    /// Mean per-tick equity change over its standard deviation, ×1000.
    case sharpe
}
