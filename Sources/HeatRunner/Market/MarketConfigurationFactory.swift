public import ContestModel
public import MarketEngine
import MarketModel

/// Turns a contest's market settings into the engine's configuration.
public enum MarketConfigurationFactory {
    /// The engine configuration of `definition` (validated definitions only).
    public static func make(_ definition: ContestDefinition) -> MarketConfiguration {
        let settings = definition.market
        let specs = settings.instruments.compactMap(InstrumentCatalog.spec).map { spec -> InstrumentSpec in
            var spec = spec
            if let interval = settings.fundingIntervalTicks { spec.fundingIntervalTicks = interval }
            return spec
        }
        var standard = MarketConfiguration.standard
        standard.instruments = specs
        standard.tickMilliseconds = settings.tickMilliseconds
        let backgrounds = specs.map { spec -> InstrumentBackground in
            let text = settings.background.startPrices[spec.symbol] ?? (spec.symbol == "BTC-PERP" ? "60000" : "3000")
            let start = spec.price(decimal: text) ?? Price(ticks: 1)
            var background = InstrumentBackground.standard(start: start)
            background.marketMakers = Self.resize(background.marketMakers, to: settings.background.marketMakers)
            background.noiseTraders = Self.resize(background.noiseTraders, to: settings.background.noiseTraders)
            background.valueAgents = Self.resize(background.valueAgents, to: settings.background.valueAgents)
            return background
        }
        standard.background = BackgroundConfiguration(instruments: backgrounds)
        return standard
    }

    private static func resize<T>(_ values: [T], to count: Int) -> [T] {
        guard let last = values.last, count > 0 else { return [] }
        if count <= values.count { return Array(values.prefix(count)) }
        return values + Array(repeating: last, count: count - values.count)
    }
}
