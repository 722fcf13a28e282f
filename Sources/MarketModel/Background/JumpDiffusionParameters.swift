/// Parameters of the regime-switching jump diffusion (§12 / §15.6 of the reference).
/// Rates are 1e-8 fixed point so configurations hash and compare exactly.
public struct JumpDiffusionParameters: Sendable, Hashable, Codable {
    /// Annualised drift μ.
    public var drift: Rate
    /// Annualised volatility in the calm regime.
    public var calmVolatility: Rate
    /// Annualised volatility in the volatile regime.
    public var volatileVolatility: Rate
    /// Expected regime durations in ticks (calm, volatile).
    public var calmDurationTicks: Int64
    /// Volatile duration ticks.
    public var volatileDurationTicks: Int64
    /// Jumps per year λ, jump log-size mean μ_J and standard deviation σ_J.
    public var jumpsPerYear: Rate
    /// Jump mean.
    public var jumpMean: Rate
    /// Jump std dev.
    public var jumpStdDev: Rate
    /// GARCH(1,1) α and β (α + β < 1); ω follows from the regime variance.
    public var garchAlpha: Rate
    /// Garch beta.
    public var garchBeta: Rate

    public init(
        drift: Rate, calmVolatility: Rate, volatileVolatility: Rate, calmDurationTicks: Int64,
        volatileDurationTicks: Int64, jumpsPerYear: Rate, jumpMean: Rate, jumpStdDev: Rate,
        garchAlpha: Rate, garchBeta: Rate
    ) {
        self.drift = drift
        self.calmVolatility = calmVolatility
        self.volatileVolatility = volatileVolatility
        self.calmDurationTicks = calmDurationTicks
        self.volatileDurationTicks = volatileDurationTicks
        self.jumpsPerYear = jumpsPerYear
        self.jumpMean = jumpMean
        self.jumpStdDev = jumpStdDev
        self.garchAlpha = garchAlpha
        self.garchBeta = garchBeta
    }

    /// σ_calm 0.5/yr, σ_vol 1.2/yr, 10 jumps/yr with σ_J 2 %, GARCH α 0.05 β 0.90.
    public static let standard = JumpDiffusionParameters(
        drift: .zero, calmVolatility: Rate(units: 50_000_000), volatileVolatility: Rate(units: 120_000_000),
        calmDurationTicks: 36_000, volatileDurationTicks: 6_000, jumpsPerYear: Rate(units: 1_000_000_000),
        jumpMean: .zero, jumpStdDev: Rate(units: 2_000_000), garchAlpha: Rate(units: 5_000_000),
        garchBeta: Rate(units: 90_000_000))
}

extension JumpDiffusionParameters {
    /// Calibrated from monthly BTC/USD closes 2012–2024 (Benchmarks/calibration/calibrate_btc.py,
    /// docs/MARKET.md): calm σ 0.71/yr and stressed σ 2.05/yr (two-state Gaussian HMM), jumps
    /// λ 0.24/yr with σ_J 0.92 (moments), GARCH α 0.44 β 0.19 (maximum likelihood). Drift 0
    /// (the sample's 116 %/yr is no forecast); regime durations stay in ticks (36,000 / 6,000),
    /// contest runs being far shorter than the months the data measures.
    public static let calibratedBTC = JumpDiffusionParameters(
        drift: .zero, calmVolatility: Rate(units: 70_671_759), volatileVolatility: Rate(units: 205_298_558),
        calmDurationTicks: 36_000, volatileDurationTicks: 6_000, jumpsPerYear: Rate(units: 24_362_014),
        jumpMean: .zero, jumpStdDev: Rate(units: 91_806_169), garchAlpha: Rate(units: 44_000_000),
        garchBeta: Rate(units: 19_000_000))
}
