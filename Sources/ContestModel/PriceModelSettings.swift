/// `market.background.price_model`: which process drives the index and its parameters (decimal
/// strings, annualised). Absent fields fall back to `market.background.volatility` (σ) and the
/// calibrated defaults in docs/MARKET.md.
public struct PriceModelSettings: Codable, Sendable, Hashable {
    /// `jump_diffusion` (default: regime-switching Merton with GARCH variance), `gbm`, `merton`,
    /// `garch`, `regime_switch`, `ornstein_uhlenbeck` or `constant`.
    public var type: String
    /// Drift μ per year.
    public var drift: String?
    /// Volatility σ per √year (overrides `market.background.volatility`).
    public var volatility: String?
    /// Merton jumps: intensity λ per year, mean μ_J and standard deviation σ_J of the log size.
    public var jumpsPerYear: String?
    public var jumpMean: String?
    public var jumpStdDev: String?
    /// GARCH(1,1) α and β.
    public var alpha: String?
    public var beta: String?
    /// Regime switch: the stressed regime's volatility and jump intensity (the calm regime uses
    /// the fields above), and the per-tick probabilities of leaving each state.
    public var stressedVolatility: String?
    public var stressedJumpsPerYear: String?
    public var calmToStressed: String?
    public var stressedToCalm: String?
    /// Ornstein–Uhlenbeck: reversion speed γ per year and long-run mean price per symbol
    /// (default: the start price).
    public var reversionPerYear: String?
    public var meanPrices: [String: String]?

    public init(type: String = "jump_diffusion") { self.type = type }

    enum CodingKeys: String, CodingKey {
        case type, drift, volatility, alpha, beta
        case jumpsPerYear = "jumps_per_year"
        case jumpMean = "jump_mean"
        case jumpStdDev = "jump_std_dev"
        case stressedVolatility = "stressed_volatility"
        case stressedJumpsPerYear = "stressed_jumps_per_year"
        case calmToStressed = "calm_to_stressed"
        case stressedToCalm = "stressed_to_calm"
        case reversionPerYear = "reversion_per_year"
        case meanPrices = "mean_prices"
    }

    /// The known model names.
    public static let types = [
        "jump_diffusion", "gbm", "merton", "garch", "regime_switch", "ornstein_uhlenbeck", "constant",
    ]
}
