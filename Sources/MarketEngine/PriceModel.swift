import MarketModel

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

/// One tick of an explicit price path.
public struct PricePoint: Sendable, Hashable, Codable {
    public var index: Price
    /// When set, the mark price of this tick (otherwise the median rule computes it).
    public var mark: Price?
    /// When set, the funding rate per interval predicted during this tick (otherwise computed
    /// from the premium index).
    public var fundingRate: Rate?

    public init(index: Price, mark: Price? = nil, fundingRate: Rate? = nil) {
        self.index = index
        self.mark = mark
        self.fundingRate = fundingRate
    }
}
