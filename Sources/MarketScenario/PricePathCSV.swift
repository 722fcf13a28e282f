public import MarketModel

/// Reads a replay price path from CSV: one row per tick, columns `index[,mark[,fundingRate]]`
/// (plain decimal strings on the instrument's grid, see `DecimalGrammar`). A first row with a
/// field that is not such a decimal is a header naming the columns; `close` or `price` are
/// accepted as names of the index column.
public enum PricePathCSV {
    /// Parses CSV text into one price point per row; off-grid values are errors, never rounded.
    public static func parse(_ text: String, spec: InstrumentSpec) throws -> [PricePoint] {
        var rows = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
        var columns = ["index", "mark", "fundingRate"]
        if let first = rows.first,
            first.split(separator: ",").contains(where: { !DecimalGrammar.isDecimal($0.trimmingCharacters()) })
        {
            columns = first.split(separator: ",").map { String($0).trimmingCharacters().lowercased() }
            rows.removeFirst()
        }
        func column(_ names: [String]) -> Int? { columns.firstIndex { names.contains($0) } }
        guard let indexColumn = column(["index", "close", "price"]) else {
            throw ScenarioError(code: "invalid_csv", message: "no index/close/price column")
        }
        let markColumn = column(["mark"])
        let rateColumn = column(["fundingrate", "funding_rate"])
        var points: [PricePoint] = []
        for (number, row) in rows.enumerated() {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false).map {
                String($0).trimmingCharacters()
            }
            func field(_ index: Int?) -> String? {
                guard let index, index < fields.count, !fields[index].isEmpty else { return nil }
                return fields[index]
            }
            guard let indexText = field(indexColumn), let index = spec.price(decimal: indexText), index.ticks > 0 else {
                throw ScenarioError(code: "off_grid", message: "CSV row \(number + 1): index not on the tick grid")
            }
            var point = PricePoint(index: index)
            if let text = field(markColumn) {
                guard let mark = spec.price(decimal: text), mark.ticks > 0 else {
                    throw ScenarioError(code: "off_grid", message: "CSV row \(number + 1): mark not on the tick grid")
                }
                point.mark = mark
            }
            if let text = field(rateColumn) {
                guard let rate = Rate(decimal: text) else {
                    throw ScenarioError(
                        code: "off_grid", message: "CSV row \(number + 1): funding rate not on the 1e-8 grid")
                }
                point.fundingRate = rate
            }
            points.append(point)
        }
        guard !points.isEmpty else { throw ScenarioError(code: "invalid_csv", message: "no rows") }
        return points
    }
}

extension StringProtocol {
    fileprivate func trimmingCharacters() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\t" || first == "\r" {
            scalars = scalars.dropFirst()
        }
        while let last = scalars.last, last == " " || last == "\t" || last == "\r" { scalars = scalars.dropLast() }
        return String(scalars)
    }
}
