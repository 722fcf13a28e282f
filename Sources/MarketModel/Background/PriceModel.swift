/// How an instrument's index (the simulated fundamental) moves from tick to tick.
/// docs/MARKET.md gives each model's step formula and the arithmetic that makes paths identical
/// on every machine.
public enum PriceModel: Sendable, Hashable, Codable {
    /// The index stays at the start price.
    case constant
    /// Regime-switching Merton jump diffusion with GARCH(1,1) variance, seeded (the default
    /// of `MarketConfiguration.standard`).
    case jumpDiffusion(JumpDiffusionParameters)
    /// An explicit path: entry `k` is in force during tick `k`; the last entry repeats.
    /// A path point may also pin the mark price and the predicted funding rate.
    case path([PricePoint])
    /// Geometric Brownian motion.
    case gbm(GBMParameters)
    /// Merton jump diffusion.
    case merton(MertonParameters)
    /// GARCH(1,1) volatility clustering.
    case garch(GARCHParameters)
    /// Two-state Markov regime switch between calm and stressed Merton parameters.
    case regimeSwitch(RegimeSwitchParameters)
    /// Mean-reverting Ornstein–Uhlenbeck log price.
    case ornsteinUhlenbeck(OrnsteinUhlenbeckParameters)
}
