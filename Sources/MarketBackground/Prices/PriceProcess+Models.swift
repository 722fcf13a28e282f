import MarketModel

/// The organiser-selectable price models (GBM, Merton, GARCH(1,1), Markov regime switch,
/// Ornstein–Uhlenbeck). Each step draws, in this fixed order: the regime-switch uniform (regime
/// model only), the diffusion normal Z, then Poisson jumps by inversion (uniforms multiplied
/// until the product falls to e^{−λΔ}, at most 8 jumps) each with a normal for its size. A
/// scenario may inject the draws of the first steps instead (`InstrumentBackground.injectedDraws`).
extension PriceProcess {
    /// The draws of the current step: injected ones when the scenario gave them, else seeded.
    mutating func draws(switchProbability: Double?, jumpIntensity: Double, jumpMean: Double, jumpStdDev: Double)
        -> (switchRegime: Bool, z: Double, jumps: [Double], injected: Bool)
    {
        if stepCount - 1 < injectedDraws.count {
            let draw = injectedDraws[stepCount - 1]
            return (
                draw.switchRegime, Double(draw.normal.units) / 1e8, draw.jumps.map { Double($0.units) / 1e8 }, true
            )
        }
        var switchRegime = false
        if let switchProbability { switchRegime = generator.unit() < switchProbability }
        let z = generator.gaussian()
        var jumps: [Double] = []
        if jumpIntensity > 0 {
            let threshold = DeterministicMath.exp(-jumpIntensity)
            var product = generator.unit()
            while product > threshold, jumps.count < 8 {
                jumps.append(jumpMean + jumpStdDev * generator.gaussian())
                product *= generator.unit()
            }
        }
        return (switchRegime, z, jumps, false)
    }

    /// Applies a log return to the process and rounds onto the tick grid (ties to even).
    mutating func apply(logReturn: Double, variance: Double, z: Double, jumps: [Double], injected: Bool) {
        let before = currentTicks
        logPrice += logReturn
        let ticks = DeterministicMath.exp(logPrice)
        if ticks >= 1, ticks < 1e15 {
            currentTicks = max(1, DeterministicMath.roundToInteger(ticks))
        } else {
            currentTicks = ticks < 1 ? 1 : 1_000_000_000_000_000
            logPrice = DeterministicMath.log(Double(currentTicks))
        }
        var jumpSum = 0.0
        for jump in jumps { jumpSum += jump }
        trace = PriceStepTrace(
            step: stepCount, ticksBefore: before, ticksAfter: currentTicks, logReturn: logReturn, variance: variance,
            regime: volatileRegime ? 1 : 0, normal: z, jumpCount: jumps.count, jumpSum: jumpSum, injected: injected)
    }

    mutating func stepGBM(_ p: GBMParameters) {
        let sigma = Double(p.volatility.units) / 1e8
        let drawn = draws(switchProbability: nil, jumpIntensity: 0, jumpMean: 0, jumpStdDev: 0)
        let variance = sigma * sigma * yearFraction
        let logReturn =
            (Double(p.drift.units) / 1e8 - sigma * sigma / 2) * yearFraction
            + sigma * DeterministicMath.sqrt(yearFraction) * drawn.z
        apply(logReturn: logReturn, variance: variance, z: drawn.z, jumps: [], injected: drawn.injected)
    }

    mutating func stepMerton(_ p: MertonParameters) {
        let sigma = Double(p.volatility.units) / 1e8
        let lambda = Double(p.jumpsPerYear.units) / 1e8
        let jumpMean = Double(p.jumpMean.units) / 1e8
        let jumpStdDev = Double(p.jumpStdDev.units) / 1e8
        let drawn = draws(
            switchProbability: nil, jumpIntensity: lambda * yearFraction, jumpMean: jumpMean, jumpStdDev: jumpStdDev)
        mertonReturn(p, sigma: sigma, lambda: lambda, jumpMean: jumpMean, jumpStdDev: jumpStdDev, drawn: drawn)
    }

    private mutating func mertonReturn(
        _ p: MertonParameters, sigma: Double, lambda: Double, jumpMean: Double, jumpStdDev: Double,
        drawn: (switchRegime: Bool, z: Double, jumps: [Double], injected: Bool)
    ) {
        let kappa = PriceProcessMath.jumpCompensator(jumpMean: jumpMean, jumpStdDev: jumpStdDev)
        var logReturn =
            (Double(p.drift.units) / 1e8 - sigma * sigma / 2 - lambda * kappa) * yearFraction
            + sigma * DeterministicMath.sqrt(yearFraction) * drawn.z
        for jump in drawn.jumps { logReturn += jump }
        apply(
            logReturn: logReturn, variance: sigma * sigma * yearFraction, z: drawn.z, jumps: drawn.jumps,
            injected: drawn.injected)
    }

    mutating func stepGARCH(_ p: GARCHParameters) {
        let sigma = Double(p.volatility.units) / 1e8
        let alpha = Double(p.alpha.units) / 1e8
        let beta = Double(p.beta.units) / 1e8
        let omega = sigma * sigma * yearFraction * max(0, 1 - alpha - beta)
        if stepCount == 1 {
            variance = sigma * sigma * yearFraction
        } else {
            variance = PriceProcessMath.garchVariance(
                omega: omega, alpha: alpha, beta: beta, lastReturn: lastReturn, lastVariance: variance)
        }
        let drawn = draws(switchProbability: nil, jumpIntensity: 0, jumpMean: 0, jumpStdDev: 0)
        let shock = DeterministicMath.sqrt(variance) * drawn.z
        lastReturn = shock
        let logReturn = Double(p.drift.units) / 1e8 * yearFraction - variance / 2 + shock
        apply(logReturn: logReturn, variance: variance, z: drawn.z, jumps: [], injected: drawn.injected)
    }

    mutating func stepRegimeSwitch(_ p: RegimeSwitchParameters) {
        let probability = Double((volatileRegime ? p.stressedToCalm : p.calmToStressed).units) / 1e8
        // The switch draw comes first; the step then uses the regime in force after it.
        let injectedStep = stepCount - 1 < injectedDraws.count
        var switchRegime = false
        if injectedStep {
            switchRegime = injectedDraws[stepCount - 1].switchRegime
        } else {
            switchRegime = generator.unit() < probability
        }
        if switchRegime { volatileRegime.toggle() }
        let regime = volatileRegime ? p.stressed : p.calm
        let sigma = Double(regime.volatility.units) / 1e8
        let lambda = Double(regime.jumpsPerYear.units) / 1e8
        let jumpMean = Double(regime.jumpMean.units) / 1e8
        let jumpStdDev = Double(regime.jumpStdDev.units) / 1e8
        let drawn = draws(
            switchProbability: nil, jumpIntensity: lambda * yearFraction, jumpMean: jumpMean, jumpStdDev: jumpStdDev)
        mertonReturn(regime, sigma: sigma, lambda: lambda, jumpMean: jumpMean, jumpStdDev: jumpStdDev, drawn: drawn)
    }

    mutating func stepOrnsteinUhlenbeck(_ p: OrnsteinUhlenbeckParameters) {
        let gamma = Double(p.reversionPerYear.units) / 1e8
        let sigma = Double(p.volatility.units) / 1e8
        let mean = DeterministicMath.log(Double(max(1, (p.mean ?? Price(ticks: startTicks)).ticks)))
        let decay = DeterministicMath.exp(-gamma * yearFraction)
        let variance =
            gamma > 0
            ? sigma * sigma * (1 - DeterministicMath.exp(-2 * gamma * yearFraction)) / (2 * gamma)
            : sigma * sigma * yearFraction
        let drawn = draws(switchProbability: nil, jumpIntensity: 0, jumpMean: 0, jumpStdDev: 0)
        let next = mean + (logPrice - mean) * decay + DeterministicMath.sqrt(variance) * drawn.z
        apply(logReturn: next - logPrice, variance: variance, z: drawn.z, jumps: [], injected: drawn.injected)
    }
}
