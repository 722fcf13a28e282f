public import MarketEngine
import MarketModel

/// The contest's `market:` section as the engine's `MarketConfiguration`. Every field takes
/// effect (docs/MARKET.md, "Contest market fields"); the loader refuses, by field name, values
/// this mapping could not use.
extension MarketSettings {
    /// The engine configuration (validated definitions only; invalid values fall back to
    /// defaults instead of trapping).
    public func configuration() -> MarketConfiguration {
        let specs = instruments.compactMap(InstrumentCatalog.spec).map { spec -> InstrumentSpec in
            var spec = spec
            if let interval = fundingIntervalTicks { spec.fundingIntervalTicks = interval }
            return spec
        }
        var configuration = MarketConfiguration.standard
        configuration.instruments = specs
        configuration.tickMilliseconds = tickMilliseconds
        var paths: [String: [Price]] = [:]
        if let text = background.pricePathCSV,
            case .success(let table) = PricePathTable.parse(text, instruments: instruments)
        {
            paths = table
        }
        let backgrounds = specs.map { spec -> InstrumentBackground in
            let text = background.startPrices[spec.symbol] ?? (spec.symbol == "BTC-PERP" ? "60000" : "3000")
            let start = spec.price(decimal: text) ?? Price(ticks: 1)
            var entry = InstrumentBackground.standard(start: start)
            entry.marketMakers = Self.resize(entry.marketMakers, to: background.marketMakers)
            entry.noiseTraders = Self.resize(entry.noiseTraders, to: background.noiseTraders)
            entry.valueAgents = Self.resize(entry.valueAgents, to: background.valueAgents)
            entry.priceModel = (background.priceModel ?? PriceModelSettings()).priceModel(
                volatility: background.volatility, spec: spec, start: start)
            if let path = paths[spec.symbol], let first = path.first {
                entry.startPrice = first
                entry.priceModel = .path(path.map { PricePoint(index: $0) })
            }
            entry.depth = (background.depth ?? DepthSettings()).profile()
            return entry
        }
        configuration.background = BackgroundConfiguration(instruments: backgrounds)
        return configuration
    }

    private static func resize<T>(_ values: [T], to count: Int) -> [T] {
        guard let last = values.last, count > 0 else { return [] }
        if count <= values.count { return Array(values.prefix(count)) }
        return values + Array(repeating: last, count: count - values.count)
    }
}
