/// Text and SVG charts of equity curves.
enum Charts {
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

    /// An SVG line chart: one polyline per series, with min/max labels and a legend.
    static func svg(series: [(name: String, values: [Double])], title: String, width: Int = 800, height: Int = 400)
        -> String
    {
        let all = series.flatMap(\.values)
        let low = all.min() ?? 0
        let high = all.max() ?? 1
        let span = high - low > 0 ? high - low : 1
        let (left, right, top, bottom) = (70.0, 20.0, 40.0, 30.0)
        let plotWidth = Double(width) - left - right
        let plotHeight = Double(height) - top - bottom
        let colors = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#17becf"]
        var lines = [
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" font-family=\"sans-serif\" font-size=\"12\">",
            "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>",
            "<text x=\"\(Int(left))\" y=\"20\" font-size=\"14\">\(escape(title))</text>",
            "<line x1=\"\(left)\" y1=\"\(top)\" x2=\"\(left)\" y2=\"\(top + plotHeight)\" stroke=\"#888\"/>",
            "<line x1=\"\(left)\" y1=\"\(top + plotHeight)\" x2=\"\(left + plotWidth)\" y2=\"\(top + plotHeight)\" stroke=\"#888\"/>",
            "<text x=\"\(Int(left) - 6)\" y=\"\(Int(top) + 4)\" text-anchor=\"end\">\(label(high))</text>",
            "<text x=\"\(Int(left) - 6)\" y=\"\(Int(top + plotHeight))\" text-anchor=\"end\">\(label(low))</text>",
        ]
        for (index, item) in series.enumerated() {
            let count = max(1, item.values.count - 1)
            let points = item.values.enumerated().map { tick, value in
                let x = left + plotWidth * Double(tick) / Double(count)
                let y = top + plotHeight * (1 - (value - low) / span)
                return "\(round2(x)),\(round2(y))"
            }.joined(separator: " ")
            let color = colors[index % colors.count]
            lines.append("<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"1.5\" points=\"\(points)\"/>")
            lines.append(
                "<text x=\"\(Int(left) + 10 + 160 * index)\" y=\"\(height - 8)\" fill=\"\(color)\">\(escape(item.name))</text>"
            )
        }
        lines.append("</svg>")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func round2(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return scaled == scaled.rounded() ? "\(Int(scaled))" : "\(scaled)"
    }

    private static func label(_ value: Double) -> String { "\(Int(value.rounded()))" }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
