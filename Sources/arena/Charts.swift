/// Text and SVG charts of equity curves.

import Foundation

enum Charts {
    /// One line of a chart.
    struct Series: Sendable {
        var name: String
        /// One value per tick, starting at tick 0 (before the first tick).
        var values: [Double]
        /// Indices into `values` to mark with a dot (fills).
        var marks: [Int] = []
    }

    /// A one-line sparkline of `values` resampled to `width` characters.
    static func sparkline(_ values: [Double], width: Int = 60) -> String {
        guard values.count > 1, let low = values.min(), let high = values.max() else { return "" }
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        let span = high - low
        let count = min(width, values.count)
        return String(
            (0..<count).map { column in
                let value = values[column * (values.count - 1) / max(1, count - 1)]
                let level = span > 0 ? Int(((value - low) / span * 7).rounded()) : 3
                return blocks[max(0, min(7, level))]
            })
    }

    /// An SVG line chart: time in ticks across, equity up, both axes with round labels and a
    /// light grid; `reference` (the deposit) as a dashed line; each series' marks as dots; a legend.
    static func svg(
        series: [Series], title: String, reference: Double? = nil, width: Int = 860, height: Int = 440
    ) -> String {
        let values = series.flatMap(\.values) + (reference.map { [$0] } ?? [])
        let (low, high) = (values.min() ?? 0, values.max() ?? 1)
        let yAxis = ChartAxis(low: low - (high - low) * 0.03, high: high + (high - low) * 0.03, target: 6)
        let lastTick = max(1, (series.map(\.values.count).max() ?? 1) - 1)
        let xAxis = ChartAxis(low: 0, high: Double(lastTick), target: 8, integral: true)
        let frame = Frame(left: 86, right: 24, top: 44, bottom: 78, width: Double(width), height: Double(height))
        let x = { (tick: Double) in frame.left + frame.plotWidth * (tick - xAxis.low) / (xAxis.high - xAxis.low) }
        let y = { (value: Double) in
            frame.top + frame.plotHeight * (1 - (value - yAxis.low) / (yAxis.high - yAxis.low))
        }
        var lines = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
            "<text x=\"\(r(frame.left))\" y=\"24\" font-size=\"15\">\(escape(title))</text>",
        ]
        for tick in yAxis.ticks {
            lines.append(
                "<line x1=\"\(r(frame.left))\" y1=\"\(r(y(tick)))\" x2=\"\(r(frame.plotRight))\" y2=\"\(r(y(tick)))\" stroke=\"#e6e6e6\"/>"
            )
            lines.append(
                "<text x=\"\(r(frame.left - 6))\" y=\"\(r(y(tick) + 4))\" text-anchor=\"end\">\(yAxis.label(tick))</text>"
            )
        }
        for tick in xAxis.ticks {
            lines.append(
                "<line x1=\"\(r(x(tick)))\" y1=\"\(r(frame.top))\" x2=\"\(r(x(tick)))\" y2=\"\(r(frame.plotBottom + 4))\" stroke=\"#e6e6e6\"/>"
            )
            lines.append(
                "<text x=\"\(r(x(tick)))\" y=\"\(r(frame.plotBottom + 18))\" text-anchor=\"middle\">\(xAxis.label(tick))</text>"
            )
        }
        lines += [
            "<line x1=\"\(r(frame.left))\" y1=\"\(r(frame.top))\" x2=\"\(r(frame.left))\" y2=\"\(r(frame.plotBottom))\" stroke=\"#666\"/>",
            "<line x1=\"\(r(frame.left))\" y1=\"\(r(frame.plotBottom))\" x2=\"\(r(frame.plotRight))\" y2=\"\(r(frame.plotBottom))\" stroke=\"#666\"/>",
            "<text x=\"\(r(frame.left + frame.plotWidth / 2))\" y=\"\(r(frame.plotBottom + 38))\" text-anchor=\"middle\">time (ticks)</text>",
            "<text transform=\"translate(18 \(r(frame.top + frame.plotHeight / 2))) rotate(-90)\" text-anchor=\"middle\">equity (USDT)</text>",
        ]
        if let reference {
            lines.append(
                "<line x1=\"\(r(frame.left))\" y1=\"\(r(y(reference)))\" x2=\"\(r(frame.plotRight))\" y2=\"\(r(y(reference)))\" stroke=\"#555\" stroke-dasharray=\"6 4\"/>"
            )
            lines.append(
                "<text x=\"\(r(frame.plotRight - 4))\" y=\"\(r(y(reference) - 5))\" text-anchor=\"end\" fill=\"#555\">deposit \(yAxis.label(reference))</text>"
            )
        }
        lines += plotted(series, x: x, y: y)
        lines += legend(series, frame: frame, hasReference: reference != nil)
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static let colors = [
        "#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    ]

    private static func plotted(_ series: [Series], x: (Double) -> Double, y: (Double) -> Double) -> [String] {
        var lines: [String] = []
        for (index, item) in series.enumerated() {
            let color = colors[index % colors.count]
            let points = item.values.enumerated().map { "\(r(x(Double($0))))," + r(y($1)) }
            lines.append(
                "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" points=\"\(points.joined(separator: " "))\"/>"
            )
            for mark in item.marks where item.values.indices.contains(mark) {
                lines.append(
                    "<circle cx=\"\(r(x(Double(mark))))\" cy=\"\(r(y(item.values[mark])))\" r=\"2.5\" fill=\"\(color)\"/>"
                )
            }
        }
        return lines
    }

    private static func legend(_ series: [Series], frame: Frame, hasReference: Bool) -> [String] {
        var lines: [String] = []
        let baseline = frame.height - 12
        var left = frame.left
        for (index, item) in series.enumerated() {
            let color = colors[index % colors.count]
            lines.append(
                "<line x1=\"\(r(left))\" y1=\"\(r(baseline - 4))\" x2=\"\(r(left + 18))\" y2=\"\(r(baseline - 4))\" stroke=\"\(color)\" stroke-width=\"2\"/>"
            )
            lines.append(
                "<text x=\"\(r(left + 22))\" y=\"\(r(baseline))\" fill=\"\(color)\">\(escape(item.name))</text>")
            left += 34 + Double(min(item.name.count, 24)) * 7
        }
        lines.append("<circle cx=\"\(r(left + 4))\" cy=\"\(r(baseline - 4))\" r=\"2.5\" fill=\"#555\"/>")
        lines.append("<text x=\"\(r(left + 12))\" y=\"\(r(baseline))\" fill=\"#555\">fill</text>")
        left += 48
        if hasReference {
            lines.append(
                "<line x1=\"\(r(left))\" y1=\"\(r(baseline - 4))\" x2=\"\(r(left + 18))\" y2=\"\(r(baseline - 4))\" stroke=\"#555\" stroke-dasharray=\"6 4\"/>"
            )
            lines.append("<text x=\"\(r(left + 22))\" y=\"\(r(baseline))\" fill=\"#555\">deposit</text>")
        }
        return lines
    }

    /// The plot area inside the margins.
    private struct Frame {
        var left: Double
        var right: Double
        var top: Double
        var bottom: Double
        var width: Double
        var height: Double
        var plotWidth: Double { width - left - right }
        var plotHeight: Double { height - top - bottom }
        /// The x of the plot's right edge.
        var plotRight: Double { width - right }
        /// The y of the plot's bottom edge.
        var plotBottom: Double { height - bottom }
    }

    /// A coordinate with at most two decimals.
    private static func r(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return scaled == scaled.rounded() ? "\(Int(scaled))" : "\(scaled)"
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
