/// The intermediate quantities of the last price step, for single-step checks (`arena sim`
/// prints them when a scenario asks for `traceSteps`).
package struct PriceStepTrace: Sendable, Hashable {
    /// The step that produced the current price (1 = the step into tick 1).
    package var step: Int
    /// Index in ticks before and after the step.
    package var ticksBefore: Int64
    package var ticksAfter: Int64
    /// ln(S'/S) of the unrounded process (before rounding onto the tick grid).
    package var logReturn: Double
    /// Conditional variance of the diffusion part of the step (σ²Δ, or h_t for GARCH, or the
    /// OU step variance).
    package var variance: Double
    /// 0 calm, 1 stressed (regime models; 0 otherwise).
    package var regime: Int
    /// The standard normal draw Z.
    package var normal: Double
    /// Number of jumps N and the sum of their log sizes.
    package var jumpCount: Int
    package var jumpSum: Double
    /// Whether the draws were injected by the scenario.
    package var injected: Bool
}
