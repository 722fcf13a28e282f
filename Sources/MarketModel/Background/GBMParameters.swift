/// Geometric Brownian motion: `ln(S'/S) = (μ − σ²/2)Δ + σ√Δ·Z` per tick, Δ = tick / year.
/// Rates are 1e-8 fixed point, annualised.
public struct GBMParameters: Sendable, Hashable, Codable {
    /// Drift μ per year.
    public var drift: Rate
    /// Volatility σ per √year.
    public var volatility: Rate

    public init(drift: Rate = .zero, volatility: Rate) {
        self.drift = drift
        self.volatility = volatility
    }
}
