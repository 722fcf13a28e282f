/// A stateful function over the history of a series; updated once every tick.
enum IndicatorKind: String, CaseIterable, Sendable {
    case sma, ema, wma, rsi, stdev, zscore, highest, lowest, atr, vwap
    case bollinger
    case bollingerUpper = "bollinger_upper"
    case bollingerLower = "bollinger_lower"
    case macd
    case macdSignal = "macd_signal"
    case crossesAbove = "crosses_above"
    case crossesBelow = "crosses_below"
    case change
    case pctChange = "pct_change"
    case prev

    /// Number of series (evaluated every tick) among the leading arguments.
    var seriesCount: Int {
        switch self {
        case .vwap: 0
        case .crossesAbove, .crossesBelow: 2
        default: 1
        }
    }

    /// Number of constant integer lookbacks following the series.
    var lookbackCount: Int {
        switch self {
        case .crossesAbove, .crossesBelow: 0
        case .macd: 2
        case .macdSignal: 3
        default: 1
        }
    }

    /// Whether a constant multiplier `k` follows the lookbacks (Bollinger width in deviations).
    var takesMultiplier: Bool { self == .bollinger || self == .bollingerUpper || self == .bollingerLower }

    var resultType: ValueType { self == .crossesAbove || self == .crossesBelow ? .bool : .number }

    /// The call signature, for messages.
    var signature: String {
        switch self {
        case .vwap: "vwap(n) or <market>.vwap(n)"
        case .crossesAbove, .crossesBelow: "\(rawValue)(a, b)"
        case .macd: "macd(x, fast, slow)"
        case .macdSignal: "macd_signal(x, fast, slow, signal)"
        case .bollinger, .bollingerUpper, .bollingerLower: "\(rawValue)(x, n, k)"
        default: "\(rawValue)(x, n)"
        }
    }

    /// Steps charged per update, given the lookbacks (window scans cost the window).
    func cost(lookbacks: [Int]) -> Int {
        switch self {
        case .wma, .highest, .lowest: 4 + (lookbacks.first ?? 0)
        default: 8
        }
    }

    /// Ticks of history needed before the value is available.
    func warmup(lookbacks: [Int]) -> Int {
        switch self {
        case .macd: lookbacks.max() ?? 0
        case .macdSignal: (lookbacks.count == 3 ? max(lookbacks[0], lookbacks[1]) + lookbacks[2] : 0)
        case .rsi, .atr, .change, .pctChange, .prev: (lookbacks.first ?? 0) + 1
        case .crossesAbove, .crossesBelow: 2
        default: lookbacks.first ?? 0
        }
    }
}
