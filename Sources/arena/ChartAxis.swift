import Foundation

/// A chart axis with a few round tick values ("nice numbers": steps of 1, 2 or 5 × 10ⁿ) covering
/// a data range, and their labels.
struct ChartAxis: Sendable, Equatable {
    /// The tick values, ascending; the first and last bound the axis.
    var ticks: [Double]
    /// The distance between ticks.
    var step: Double

    var low: Double { ticks.first ?? 0 }
    var high: Double { ticks.last ?? 1 }

    /// About `target` round ticks covering `low...high`; `integral` keeps steps ≥ 1.
    init(low: Double, high: Double, target: Int = 5, integral: Bool = false) {
        var (low, high) = (min(low, high), max(low, high))
        if high - low < 1e-9 {
            let pad = max(abs(low) * 0.01, integral ? 1 : 0.01)
            (low, high) = (low - pad, high + pad)
        }
        var step = Self.niceStep((high - low) / Double(max(1, target - 1)))
        if integral { step = max(1, step.rounded()) }
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        let count = Int(last - first)
        ticks = (0...max(1, count)).map { (first + Double($0)) * step }
        self.step = step
    }

    /// 1, 2 or 5 × 10ⁿ, the closest to `rough` from above or below.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let magnitude = pow(10, (log10(rough)).rounded(.down))
        let residual = rough / magnitude
        let nice: Double = residual < 1.5 ? 1 : residual < 3 ? 2 : residual < 7 ? 5 : 10
        return nice * magnitude
    }

    /// `value` with as many decimals as the step needs and thousands separators: `10,250.5`.
    func label(_ value: Double) -> String {
        let decimals = step >= 1 ? 0 : min(8, Int((-log10(step)).rounded(.up)))
        return Self.grouped(String(format: "%.\(decimals)f", value == 0 ? 0 : value))
    }

    /// Inserts `,` every three digits of the integer part.
    static func grouped(_ text: String) -> String {
        var digits = Substring(text)
        var sign = ""
        if digits.hasPrefix("-") {
            sign = "-"
            digits = digits.dropFirst()
        }
        let parts = digits.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var integer = String(parts[0])
        var groups: [String] = []
        while integer.count > 3 {
            groups.insert(String(integer.suffix(3)), at: 0)
            integer.removeLast(3)
        }
        groups.insert(integer, at: 0)
        let fraction = parts.count > 1 ? "." + parts[1] : ""
        return sign + groups.joined(separator: ",") + fraction
    }
}
