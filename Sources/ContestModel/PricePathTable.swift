public import MarketModel

/// The inline CSV of `market.background.price_path_csv`: a header row naming listed instruments
/// (`BTC-PERP,ETH-PERP`), then one row per tick with each instrument's index price on its tick
/// grid. Row `k` is in force during tick `k`; the last row repeats. Instruments without a
/// column keep the synthetic price model.
public enum PricePathTable {
    /// Rows a path may have (a contest run is at most 100,000 ticks).
    public static let maxRows = 100_000

    /// Parses the table into index paths per symbol; the message names the first problem.
    public static func parse(_ text: String, instruments: [String]) -> Result<[String: [Price]], PricePathProblem> {
        var rows = text.split(whereSeparator: \.isNewline).map(Self.trim).filter { !$0.isEmpty }
        guard !rows.isEmpty else {
            return .failure(PricePathProblem("is empty: give a header row and one row per tick"))
        }
        let header = rows.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map { Self.trim($0) }
        var specs: [InstrumentSpec] = []
        for name in header {
            guard instruments.contains(name), let spec = InstrumentCatalog.spec(name) else {
                return .failure(
                    PricePathProblem(
                        "header column \"\(name)\" is not a listed instrument; the first row names instruments, "
                            + "e.g. \(instruments.joined(separator: ","))"))
            }
            guard !specs.contains(where: { $0.symbol == name }) else {
                return .failure(PricePathProblem("instrument \(name) appears twice in the header"))
            }
            specs.append(spec)
        }
        guard !rows.isEmpty else { return .failure(PricePathProblem("has a header but no price rows")) }
        guard rows.count <= maxRows else { return .failure(PricePathProblem("has more than \(maxRows) rows")) }
        var paths = [String: [Price]]()
        for spec in specs { paths[spec.symbol] = [] }
        for (number, row) in rows.enumerated() {
            let fields = row.split(separator: ",", omittingEmptySubsequences: false).map { Self.trim($0) }
            guard fields.count == specs.count else {
                return .failure(
                    PricePathProblem("row \(number + 1) has \(fields.count) fields, expected \(specs.count)"))
            }
            for (spec, field) in zip(specs, fields) {
                guard let price = spec.price(decimal: field), price.ticks > 0 else {
                    return .failure(
                        PricePathProblem(
                            "row \(number + 1): \(field) is not a positive \(spec.symbol) price on its tick grid"))
                }
                paths[spec.symbol, default: []].append(price)
            }
        }
        return .success(paths)
    }

    private static func trim(_ text: Substring) -> String {
        var view = text[...]
        while let first = view.first, first == " " || first == "\t" || first == "\r" { view = view.dropFirst() }
        while let last = view.last, last == " " || last == "\t" || last == "\r" { view = view.dropLast() }
        return String(view)
    }
}
