import MarketModel
public import Scoring

/// Metric values as people read them: pnl as USDT, `return_bps` in basis points, Sharpe ×1000
/// as a decimal.
public enum MetricText {
    /// `value` in `metric`'s integer units, as text.
    public static func format(_ value: Int64, _ metric: RankingMetric) -> String {
        switch metric {
        case .pnl: Money(units: value).decimal
        case .returnBps: "\(value) bps"
        case .sharpe: FixedPoint.format(value, scale: 3)
        }
    }
}
