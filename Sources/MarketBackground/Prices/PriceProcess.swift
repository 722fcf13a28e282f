import MarketModel

/// The seeded fundamental (index) of one instrument.
///
/// The jump diffusion runs in `Double` log-space with deterministic math only and is rounded to
/// the tick grid (ties to even) on every step, so the integer path is identical everywhere.
struct PriceProcess: Sendable {
    let model: PriceModel
    var generator: SeededGenerator
    var logPrice: Double
    /// GARCH conditional variance of the next one-tick log return.
    var variance: Double
    var lastReturn: Double = 0
    var volatileRegime = false
    /// Step counter (the tick whose price is current).
    var stepCount = 0
    var currentTicks: Int64
    let yearFraction: Double
    /// Index at tick 0 (the OU mean when none is given).
    let startTicks: Int64
    /// Draws injected by a scenario for the first steps.
    let injectedDraws: [PriceDraw]
    /// Intermediate quantities of the last step (the organiser-selectable models).
    var trace: PriceStepTrace?

    init(
        model: PriceModel, start: Price, seed: UInt64, instrument: Int, tickMilliseconds: Int64,
        injectedDraws: [PriceDraw] = []
    ) {
        self.model = model
        self.injectedDraws = injectedDraws
        startTicks = max(1, start.ticks)
        generator = SeededGenerator(seed: seed, stream: 0x5052_4943_4500_0000 &+ UInt64(instrument))
        currentTicks = max(1, start.ticks)
        logPrice = DeterministicMath.log(Double(max(1, start.ticks)))
        yearFraction = Double(tickMilliseconds) / 31_557_600_000
        if case .jumpDiffusion(let parameters) = model {
            let sigma = Double(parameters.calmVolatility.units) / 1e8
            variance = sigma * sigma * yearFraction
        } else {
            variance = 0
        }
        if case .path(let points) = model, let first = points.first { currentTicks = max(1, first.index.ticks) }
    }

    /// The explicit path point in force, for `.path` models.
    var currentPoint: PricePoint? {
        guard case .path(let points) = model, !points.isEmpty else { return nil }
        return points[min(stepCount, points.count - 1)]
    }

    /// Advances one tick.
    mutating func step() {
        stepCount += 1
        switch model {
        case .constant:
            break
        case .path:
            if let point = currentPoint { currentTicks = max(1, point.index.ticks) }
        case .jumpDiffusion(let parameters):
            stepJumpDiffusion(parameters)
        case .gbm(let parameters):
            stepGBM(parameters)
        case .merton(let parameters):
            stepMerton(parameters)
        case .garch(let parameters):
            stepGARCH(parameters)
        case .regimeSwitch(let parameters):
            stepRegimeSwitch(parameters)
        case .ornsteinUhlenbeck(let parameters):
            stepOrnsteinUhlenbeck(parameters)
        }
    }

    private mutating func stepJumpDiffusion(_ p: JumpDiffusionParameters) {
        // Regime switch with probability 1 / expected duration.
        let duration = volatileRegime ? p.volatileDurationTicks : p.calmDurationTicks
        if duration > 0, generator.unit() < 1 / Double(duration) { volatileRegime.toggle() }
        let sigma = Double((volatileRegime ? p.volatileVolatility : p.calmVolatility).units) / 1e8
        let target = sigma * sigma * yearFraction
        let alpha = Double(p.garchAlpha.units) / 1e8
        let beta = Double(p.garchBeta.units) / 1e8
        let omega = target * max(0, 1 - alpha - beta)
        variance = PriceProcessMath.garchVariance(
            omega: omega, alpha: alpha, beta: beta, lastReturn: lastReturn, lastVariance: variance)
        let diffusion = DeterministicMath.sqrt(variance) * generator.gaussian()
        // Jumps: Poisson(λΔ) by inversion; sizes N(μJ, σJ²); compensator keeps the drift at μ.
        let lambda = Double(p.jumpsPerYear.units) / 1e8 * yearFraction
        let jumpMean = Double(p.jumpMean.units) / 1e8
        let jumpSigma = Double(p.jumpStdDev.units) / 1e8
        var jumps = 0.0
        let threshold = DeterministicMath.exp(-lambda)
        var product = generator.unit()
        var count = 0
        while product > threshold, count < 8 {
            jumps += jumpMean + jumpSigma * generator.gaussian()
            product *= generator.unit()
            count += 1
        }
        let kappa = PriceProcessMath.jumpCompensator(jumpMean: jumpMean, jumpStdDev: jumpSigma)
        let drift = (Double(p.drift.units) / 1e8 - lambda / yearFraction * kappa) * yearFraction - variance / 2
        lastReturn = diffusion
        logPrice += drift + diffusion + jumps
        let ticks = DeterministicMath.exp(logPrice)
        if ticks >= 1, ticks < 1e15 {
            currentTicks = max(1, DeterministicMath.roundToInteger(ticks))
        } else {
            currentTicks = ticks < 1 ? 1 : 1_000_000_000_000_000
            logPrice = DeterministicMath.log(Double(currentTicks))
        }
    }
}
