public import MarketModel

extension PriceModelSettings {
    /// The engine's price model of one instrument: these settings over `volatility` (the
    /// `market.background.volatility` σ) and the calibrated defaults
    /// (`JumpDiffusionParameters.calibratedBTC`). Values the loader would refuse fall back to
    /// the defaults.
    public func priceModel(volatility: String, spec: InstrumentSpec, start: Price) -> PriceModel {
        let settings = self
        func rate(_ text: String?, _ fallback: Rate) -> Rate { text.flatMap { Rate(decimal: $0) } ?? fallback }
        let calibrated = JumpDiffusionParameters.calibratedBTC
        let sigma = rate(settings.volatility, rate(volatility, calibrated.calmVolatility))
        let drift = rate(settings.drift, .zero)
        // Stressed σ keeps the calibrated stressed/calm ratio unless given.
        let stressedSigma = rate(
            settings.stressedVolatility,
            Rate(
                units: Int64(
                    clamping: Int128(sigma.units) * Int128(calibrated.volatileVolatility.units)
                        / Int128(max(1, calibrated.calmVolatility.units)))))
        let merton = MertonParameters(
            drift: drift, volatility: sigma, jumpsPerYear: rate(settings.jumpsPerYear, calibrated.jumpsPerYear),
            jumpMean: rate(settings.jumpMean, calibrated.jumpMean),
            jumpStdDev: rate(settings.jumpStdDev, calibrated.jumpStdDev))
        switch settings.type {
        case "constant":
            return .constant
        case "gbm":
            return .gbm(GBMParameters(drift: drift, volatility: sigma))
        case "merton":
            return .merton(merton)
        case "garch":
            return .garch(
                GARCHParameters(
                    drift: drift, volatility: sigma, alpha: rate(settings.alpha, calibrated.garchAlpha),
                    beta: rate(settings.beta, calibrated.garchBeta)))
        case "regime_switch":
            var stressed = merton
            stressed.volatility = stressedSigma
            stressed.jumpsPerYear = rate(settings.stressedJumpsPerYear, merton.jumpsPerYear)
            return .regimeSwitch(
                RegimeSwitchParameters(
                    calm: merton, stressed: stressed,
                    calmToStressed: rate(
                        settings.calmToStressed, Rate(units: Rate.one.units / calibrated.calmDurationTicks)),
                    stressedToCalm: rate(
                        settings.stressedToCalm, Rate(units: Rate.one.units / calibrated.volatileDurationTicks))))
        case "ornstein_uhlenbeck":
            let mean = settings.meanPrices?[spec.symbol].flatMap { spec.price(decimal: $0) } ?? start
            return .ornsteinUhlenbeck(
                OrnsteinUhlenbeckParameters(
                    mean: mean, reversionPerYear: rate(settings.reversionPerYear, Rate(units: 20_349_992)),
                    volatility: sigma))
        default:
            var parameters = calibrated
            parameters.drift = drift
            parameters.calmVolatility = sigma
            parameters.volatileVolatility = stressedSigma
            parameters.jumpsPerYear = merton.jumpsPerYear
            parameters.jumpMean = merton.jumpMean
            parameters.jumpStdDev = merton.jumpStdDev
            parameters.garchAlpha = rate(settings.alpha, calibrated.garchAlpha)
            parameters.garchBeta = rate(settings.beta, calibrated.garchBeta)
            return .jumpDiffusion(parameters)
        }
    }
}
