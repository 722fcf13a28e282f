public import MarketModel

/// Metrics of one account's equity curve (one sample per tick), in integer arithmetic.
///
/// The one place run metrics are computed: the runner scores each run's equity curve with
/// ``score(_:)``, and `arena verify` recomputes the same curve from the replayed transcript and
/// calls the same function, so a board's numbers are reproducible rather than trusted.
public struct EquityMetrics: Sendable, Hashable, Codable {
    public var initial: Money
    public var final: Money
    /// Final minus initial equity.
    public var pnl: Money
    /// Largest peak-to-trough fall of equity.
    public var maxDrawdown: Money
    /// PnL over initial equity in basis points (rounded toward zero).
    public var returnBps: Int64
    /// Mean per-tick equity change over its population standard deviation, ×1000; 0 when flat.
    public var sharpeMilli: Int64

    /// Computes the metrics; `curve` must start with the initial equity.
    public init(curve: [Money]) {
        let first = curve.first ?? .zero
        let last = curve.last ?? .zero
        initial = first
        final = last
        pnl = last - first
        var peak = first.units
        var drawdown: Int64 = 0
        for sample in curve {
            peak = max(peak, sample.units)
            drawdown = max(drawdown, peak - sample.units)
        }
        maxDrawdown = Money(units: drawdown)
        returnBps = first.units > 0 ? Int64(Int128(pnl.units) * 10_000 / Int128(first.units)) : 0
        sharpeMilli = Self.sharpe(curve)
    }

    /// The run's score under `metric`, in that metric's integer units (what the board ranks by).
    public func score(_ metric: RankingMetric) -> Int64 {
        switch metric {
        case .pnl: pnl.units
        case .returnBps: returnBps
        case .sharpe: sharpeMilli
        }
    }

    enum CodingKeys: String, CodingKey {
        case initial, final, pnl
        case maxDrawdown = "max_drawdown"
        case returnBps = "return_bps"
        case sharpeMilli = "sharpe_milli"
    }

    private static func sharpe(_ curve: [Money]) -> Int64 {
        guard curve.count > 2 else { return 0 }
        let changes = zip(curve.dropFirst(), curve).map { Int128($0.units - $1.units) }
        let n = Int128(changes.count)
        let sum = changes.reduce(0, +)
        // variance × n² = n·Σx² − (Σx)²
        let sumSquares = changes.reduce(Int128(0)) { $0 + $1 * $1 }
        let scaledVariance = n * sumSquares - sum * sum
        guard scaledVariance > 0 else { return 0 }
        let scaledStd = IntegerMath.squareRoot(scaledVariance)  // = n·σ
        guard scaledStd > 0 else { return 0 }
        return Int64(sum * 1000 / scaledStd)  // (Σx/n)/σ ×1000 = Σx·1000/(n·σ)
    }
}
