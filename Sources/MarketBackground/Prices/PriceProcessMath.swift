/// The single-step formulas of the reference's price processes (§12), as pure functions of
/// injected shocks, so each step can be checked by hand. `PriceProcess` is built from them.
/// All use `DeterministicMath` (no libm), so results are bit-identical on every platform.
public enum PriceProcessMath {
    /// GBM exact log step: `S·exp((μ − σ²/2)Δ + σ√Δ·Z)`.
    public static func gbmStep(price: Double, drift: Double, volatility: Double, dt: Double, shock z: Double) -> Double
    {
        price
            * DeterministicMath.exp(
                (drift - volatility * volatility / 2) * dt + volatility * DeterministicMath.sqrt(dt) * z)
    }

    /// Merton compensator `κ = e^{μ_J + σ_J²/2} − 1`.
    public static func jumpCompensator(jumpMean: Double, jumpStdDev: Double) -> Double {
        DeterministicMath.exp(jumpMean + jumpStdDev * jumpStdDev / 2) - 1
    }

    /// Merton jump-diffusion step:
    /// `ln(S'/S) = (μ − σ²/2 − λκ)Δ + σ√Δ·Z + Σ J_i`, with the jump log-sizes `jumps` injected.
    public static func mertonStep(
        price: Double, drift: Double, volatility: Double, jumpIntensity: Double, jumpMean: Double, jumpStdDev: Double,
        dt: Double, shock z: Double, jumps: [Double]
    ) -> Double {
        let kappa = jumpCompensator(jumpMean: jumpMean, jumpStdDev: jumpStdDev)
        var logReturn =
            (drift - volatility * volatility / 2 - jumpIntensity * kappa) * dt
            + volatility * DeterministicMath.sqrt(dt) * z
        for jump in jumps { logReturn += jump }
        return price * DeterministicMath.exp(logReturn)
    }

    /// GARCH(1,1): `σ_t² = ω + α·r_{t−1}² + β·σ_{t−1}²`.
    public static func garchVariance(
        omega: Double, alpha: Double, beta: Double, lastReturn: Double, lastVariance: Double
    ) -> Double {
        omega + alpha * lastReturn * lastReturn + beta * lastVariance
    }

    /// GARCH long-run variance `ω / (1 − α − β)`.
    public static func garchLongRunVariance(omega: Double, alpha: Double, beta: Double) -> Double {
        omega / (1 - alpha - beta)
    }

    /// Ornstein–Uhlenbeck exact step (ABIDES fundamental without megashocks):
    /// `v' = μ + (v − μ)e^{−γΔ} + √(σ²/(2γ)·(1 − e^{−2γΔ}))·Z`.
    public static func ornsteinUhlenbeckStep(
        value: Double, mean: Double, reversion: Double, volatility: Double, dt: Double, shock z: Double
    ) -> Double {
        let decay = DeterministicMath.exp(-reversion * dt)
        let variance = volatility * volatility / (2 * reversion) * (1 - DeterministicMath.exp(-2 * reversion * dt))
        return mean + (value - mean) * decay + DeterministicMath.sqrt(variance) * z
    }

    /// Two-state Markov chain: stationary probability of state 0, `p10 / (p01 + p10)`.
    public static func stationaryProbability(leave0 p01: Double, leave1 p10: Double) -> Double { p10 / (p01 + p10) }

    /// Expected regime duration `1 / (1 − p_ii)`.
    public static func expectedDuration(stay: Double) -> Double { 1 / (1 - stay) }
}
