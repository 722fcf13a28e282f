import MarketModel

extension ContestDefinitionLoader {
    /// Checks `market.background`: every value must be usable by `MarketSettings.configuration()`;
    /// anything else is refused with its field name.
    public static func validateBackground(_ market: MarketSettings) throws(ContestError) {
        func fail(_ field: String, _ message: String) -> ContestError {
            ContestError(.invalid, field: "market.background." + field, message)
        }
        let background = market.background
        func rate(_ field: String, _ text: String?, _ range: ClosedRange<Int64>) throws(ContestError) {
            guard let text else { return }
            guard let value = Rate(decimal: text) else {
                throw fail(field, "\(text) is not a decimal with at most 8 places")
            }
            guard range.contains(value.units) else {
                throw fail(
                    field,
                    "\(text) is outside \(Rate(units: range.lowerBound).decimal)..\(Rate(units: range.upperBound).decimal)"
                )
            }
        }
        let volatilityRange: ClosedRange<Int64> = 0...2_000_000_000
        try rate("volatility", background.volatility, volatilityRange)
        for (field, count) in [
            ("market_makers", background.marketMakers), ("noise_traders", background.noiseTraders),
            ("value_agents", background.valueAgents),
        ] where !(0...20).contains(count) {
            throw fail(field, "must be 0..20")
        }
        if let text = background.pricePathCSV {
            if case .failure(let problem) = PricePathTable.parse(text, instruments: market.instruments) {
                throw fail("price_path_csv", problem.message)
            }
        }
        if let model = background.priceModel {
            guard PriceModelSettings.types.contains(model.type) else {
                throw fail(
                    "price_model.type",
                    "unknown model \(model.type); known: \(PriceModelSettings.types.joined(separator: ", "))")
            }
            let probability: ClosedRange<Int64> = 0...Rate.one.units
            try rate("price_model.drift", model.drift, -1_000_000_000...1_000_000_000)
            try rate("price_model.volatility", model.volatility, volatilityRange)
            try rate("price_model.stressed_volatility", model.stressedVolatility, volatilityRange)
            try rate("price_model.jumps_per_year", model.jumpsPerYear, 0...100_000_000_000)
            try rate("price_model.stressed_jumps_per_year", model.stressedJumpsPerYear, 0...100_000_000_000)
            try rate("price_model.jump_mean", model.jumpMean, -Rate.one.units...Rate.one.units)
            try rate("price_model.jump_std_dev", model.jumpStdDev, 0...Rate.one.units)
            try rate("price_model.alpha", model.alpha, probability)
            try rate("price_model.beta", model.beta, probability)
            try rate("price_model.calm_to_stressed", model.calmToStressed, probability)
            try rate("price_model.stressed_to_calm", model.stressedToCalm, probability)
            try rate("price_model.reversion_per_year", model.reversionPerYear, 0...100_000_000_000)
            let alpha = model.alpha.flatMap { Rate(decimal: $0) } ?? JumpDiffusionParameters.calibratedBTC.garchAlpha
            let beta = model.beta.flatMap { Rate(decimal: $0) } ?? JumpDiffusionParameters.calibratedBTC.garchBeta
            if alpha.units + beta.units >= Rate.one.units {
                throw fail("price_model.beta", "alpha + beta must be below 1 (a stationary variance)")
            }
            for (symbol, text) in model.meanPrices ?? [:] {
                guard market.instruments.contains(symbol), let spec = InstrumentCatalog.spec(symbol) else {
                    throw fail("price_model.mean_prices.\(symbol)", "not a listed instrument")
                }
                guard let price = spec.price(decimal: text), price.ticks > 0 else {
                    throw fail("price_model.mean_prices.\(symbol)", "\(text) is not a positive price on the tick grid")
                }
            }
        }
        if let depth = background.depth {
            if let value = depth.levels, !(0...200).contains(value) { throw fail("depth.levels", "must be 0..200") }
            if let value = depth.firstLevelBps, !(1...500).contains(value) {
                throw fail("depth.first_level_bps", "must be 1..500")
            }
            if let value = depth.spacingBps, !(1...500).contains(value) {
                throw fail("depth.spacing_bps", "must be 1..500")
            }
            if let value = depth.lotsPerLevel, !(1...10_000_000).contains(value) {
                throw fail("depth.lots_per_level", "must be 1..10000000")
            }
            try rate("depth.decay", depth.decay, 1...Rate.one.units)
            if let value = depth.refillTicks, !(1...100_000).contains(value) {
                throw fail("depth.refill_ticks", "must be 1..100000")
            }
        }
    }
}
