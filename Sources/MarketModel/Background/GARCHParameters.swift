/// GARCH(1,1) volatility clustering on the one-tick log return:
/// `h_t = ω + α·ε²_{t−1} + β·h_{t−1}`, `ε_t = √h_t·Z`, `ln(S'/S) = μΔ − h_t/2 + ε_t`,
/// with ω = σ²Δ(1 − α − β) so the long-run variance per tick is σ²Δ, and h_0 = σ²Δ.
public struct GARCHParameters: Sendable, Hashable, Codable {
    /// Drift μ per year.
    public var drift: Rate
    /// Long-run volatility σ per √year.
    public var volatility: Rate
    /// Weight α of the last squared shock.
    public var alpha: Rate
    /// Weight β of the last variance (α + β < 1).
    public var beta: Rate

    public init(drift: Rate = .zero, volatility: Rate, alpha: Rate, beta: Rate) {
        self.drift = drift
        self.volatility = volatility
        self.alpha = alpha
        self.beta = beta
    }
}
