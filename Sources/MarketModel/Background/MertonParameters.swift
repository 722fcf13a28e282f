/// Merton jump diffusion: `ln(S'/S) = (μ − σ²/2 − λκ)Δ + σ√Δ·Z + Σ_{i≤N} J_i` per tick, with
/// N ~ Poisson(λΔ), J_i ~ N(μ_J, σ_J²) and compensator κ = e^{μ_J + σ_J²/2} − 1 (so the expected
/// price grows at μ). Rates are 1e-8 fixed point, annualised.
public struct MertonParameters: Sendable, Hashable, Codable {
    /// Drift μ per year.
    public var drift: Rate
    /// Diffusion volatility σ per √year.
    public var volatility: Rate
    /// Jump intensity λ, jumps per year.
    public var jumpsPerYear: Rate
    /// Mean μ_J of a jump's log size.
    public var jumpMean: Rate
    /// Standard deviation σ_J of a jump's log size.
    public var jumpStdDev: Rate

    public init(drift: Rate = .zero, volatility: Rate, jumpsPerYear: Rate, jumpMean: Rate, jumpStdDev: Rate) {
        self.drift = drift
        self.volatility = volatility
        self.jumpsPerYear = jumpsPerYear
        self.jumpMean = jumpMean
        self.jumpStdDev = jumpStdDev
    }
}
