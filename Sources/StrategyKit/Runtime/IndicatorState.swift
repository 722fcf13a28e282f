/// The running state of one indicator site, updated once per tick.
///
/// Ticks whose input is not available (NaN) are skipped. Until enough history exists the value is
/// NaN ("not available"), which makes comparisons false.
struct IndicatorState: Sendable {
    let kind: IndicatorKind
    let period: Int
    let multiplier: Double
    var window: RingBuffer
    var volumes: RingBuffer
    /// Running sums of (x − shift) and (x − shift)² (shifted to keep variance accurate).
    var sum = 0.0
    var sumSquares = 0.0
    var shift = Double.nan
    /// Kind-specific accumulators (EMA values, RSI averages, previous inputs).
    var a = Double.nan
    var b = Double.nan
    var c = Double.nan
    var seen = 0
    var signalSeen = 0
    let fast: Int
    let slow: Int

    init(site: IndicatorSite) {
        kind = site.kind
        period = site.lookbacks.first ?? 1
        multiplier = site.multiplier
        fast = site.lookbacks.first ?? 1
        slow = site.lookbacks.count > 1 ? site.lookbacks[1] : 1
        switch site.kind {
        case .change, .pctChange, .prev: window = RingBuffer(capacity: period + 1)
        case .macdSignal: window = RingBuffer(capacity: site.lookbacks.count > 2 ? site.lookbacks[2] : 1)
        case .sma, .wma, .stdev, .zscore, .highest, .lowest, .vwap, .bollinger, .bollingerUpper, .bollingerLower:
            window = RingBuffer(capacity: period)
        default: window = RingBuffer(capacity: 1)
        }
        volumes = RingBuffer(capacity: site.kind == .vwap ? period : 1)
    }

    /// Feeds this tick's inputs (`y` is the second input, or the volume for `vwap`); returns the value.
    mutating func update(_ x: Double, _ y: Double) -> Double {
        switch kind {
        case .sma, .stdev, .zscore, .bollinger, .bollingerUpper, .bollingerLower:
            return windowStatistics(x)
        case .ema: return ema(x)
        case .wma: return weighted(x)
        case .rsi: return rsi(x)
        case .highest, .lowest: return extreme(x)
        case .atr: return atr(x)
        case .vwap: return vwap(price: x, volume: y)
        case .macd, .macdSignal: return macd(x)
        case .crossesAbove, .crossesBelow: return crosses(x, y)
        case .change, .pctChange, .prev: return history(x)
        }
    }

    private mutating func windowStatistics(_ x: Double) -> Double {
        if x.isFinite {
            if shift.isNaN { shift = x }
            let d = x - shift
            if let dropped = window.push(x) {
                let old = dropped - shift
                sum -= old
                sumSquares -= old * old
            }
            sum += d
            sumSquares += d * d
        }
        guard window.isFull else { return .nan }
        let n = Double(period)
        let mean = sum / n + shift
        if kind == .sma { return mean }
        let variance = Swift.max(0, (sumSquares - sum * sum / n) / n)
        let deviation = variance.squareRoot()
        switch kind {
        case .stdev: return deviation
        case .zscore: return deviation > 0 ? (window.back(0) - mean) / deviation : 0
        case .bollingerUpper: return mean + multiplier * deviation
        case .bollingerLower: return mean - multiplier * deviation
        default:
            let width = 2 * multiplier * deviation
            return width > 0 ? (window.back(0) - (mean - multiplier * deviation)) / width : 0.5
        }
    }

    /// EMA seeded with the SMA of the first `period` values; `a` holds the EMA, `sum` the seed sum.
    private mutating func ema(_ x: Double) -> Double {
        guard x.isFinite else { return seen >= period ? a : .nan }
        seen += 1
        if seen < period {
            sum += x
            return .nan
        }
        if seen == period {
            a = (sum + x) / Double(period)
        } else {
            a += 2 / Double(period + 1) * (x - a)
        }
        return a
    }

    private mutating func weighted(_ x: Double) -> Double {
        if x.isFinite { window.push(x) }
        guard window.isFull else { return .nan }
        var total = 0.0
        var weight = 0.0
        var w = 1.0
        window.forEachOldestFirst { value in
            total += w * value
            weight += w
            w += 1
        }
        return total / weight
    }

    /// Wilder RSI: `a` average gain, `b` average loss, `c` previous input, `seen` changes so far.
    private mutating func rsi(_ x: Double) -> Double {
        guard x.isFinite else { return seen >= period ? Self.rsiValue(a, b) : .nan }
        defer { c = x }
        guard !c.isNaN else { return .nan }
        seen += 1
        let change = x - c
        let gain = Swift.max(change, 0)
        let loss = Swift.max(-change, 0)
        let n = Double(period)
        if seen < period {
            sum += gain
            sumSquares += loss
            return .nan
        }
        if seen == period {
            a = (sum + gain) / n
            b = (sumSquares + loss) / n
        } else {
            a = (a * (n - 1) + gain) / n
            b = (b * (n - 1) + loss) / n
        }
        return Self.rsiValue(a, b)
    }

    private static func rsiValue(_ gain: Double, _ loss: Double) -> Double {
        if loss == 0 { return gain == 0 ? 50 : 100 }
        return 100 - 100 / (1 + gain / loss)
    }

    private mutating func extreme(_ x: Double) -> Double {
        if x.isFinite { window.push(x) }
        guard window.isFull else { return .nan }
        return window.extreme(highest: kind == .highest)
    }

    /// Average true range of a single price series: Wilder average of |x − previous x|.
    private mutating func atr(_ x: Double) -> Double {
        guard x.isFinite else { return seen >= period ? a : .nan }
        defer { c = x }
        guard !c.isNaN else { return .nan }
        seen += 1
        let range = (x - c).magnitude
        let n = Double(period)
        if seen < period {
            sum += range
            return .nan
        }
        a = seen == period ? (sum + range) / n : (a * (n - 1) + range) / n
        return a
    }

    private mutating func vwap(price: Double, volume: Double) -> Double {
        let v = volume.isFinite && price.isFinite ? volume : 0
        let pv = v > 0 ? price * v : 0
        if let dropped = window.push(pv) { sum -= dropped }
        if let droppedVolume = volumes.push(v) { sumSquares -= droppedVolume }
        sum += pv
        sumSquares += v
        guard window.isFull, sumSquares > 0 else { return .nan }
        return sum / sumSquares
    }

    /// MACD line: `a` fast EMA, `b` slow EMA; signal: `c` EMA of the line over `window.capacity`.
    private mutating func macd(_ x: Double) -> Double {
        guard x.isFinite else { return .nan }
        seen += 1
        a = seen == 1 ? x : a + 2 / Double(fast + 1) * (x - a)
        b = seen == 1 ? x : b + 2 / Double(slow + 1) * (x - b)
        guard seen >= Swift.max(fast, slow) else { return .nan }
        let line = a - b
        if kind == .macd { return line }
        signalSeen += 1
        let signalPeriod = window.capacity
        c = signalSeen == 1 ? line : c + 2 / Double(signalPeriod + 1) * (line - c)
        return signalSeen >= signalPeriod ? c : .nan
    }

    /// `a`, `b`: previous inputs. True (1) on the tick where x moves from ≤ y to > y (above).
    private mutating func crosses(_ x: Double, _ y: Double) -> Double {
        guard x.isFinite, y.isFinite else { return 0 }
        defer {
            a = x
            b = y
        }
        guard !a.isNaN else { return 0 }
        if kind == .crossesAbove { return a <= b && x > y ? 1 : 0 }
        return a >= b && x < y ? 1 : 0
    }

    private mutating func history(_ x: Double) -> Double {
        if x.isFinite { window.push(x) }
        guard window.isFull else { return .nan }
        let old = window.back(period)
        switch kind {
        case .change: return window.back(0) - old
        case .pctChange: return old != 0 ? window.back(0) / old - 1 : .nan
        default: return old
        }
    }
}
