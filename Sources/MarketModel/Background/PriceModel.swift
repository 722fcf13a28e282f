/// How an instrument's index (the simulated fundamental) moves from tick to tick.
public enum PriceModel: Sendable, Hashable, Codable {
    /// The index stays at the start price.
    case constant
    /// Regime-switching Merton jump diffusion with GARCH(1,1) variance, seeded.
    case jumpDiffusion(JumpDiffusionParameters)
    /// An explicit path: entry `k` is in force during tick `k`; the last entry repeats.
    /// A path point may also pin the mark price and the predicted funding rate.
    case path([PricePoint])
}
