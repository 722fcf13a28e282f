/// A noise trader: Poisson arrivals, fair-coin side, marketable orders of log-normal size.
public struct NoiseTraderParameters: Sendable, Hashable, Codable {
    /// Arrival probability per tick in 1e-8 (e.g. 5_000_000 = 5 %).
    public var arrivalPerTick: Int64
    /// Median order size in lots.
    public var medianLots: Int64
    /// Log-size standard deviation in 1e-8.
    public var sizeSigma: Int64
    /// Absolute inventory beyond which it only trades back toward zero.
    public var inventoryLimitLots: Int64

    public init(arrivalPerTick: Int64, medianLots: Int64, sizeSigma: Int64, inventoryLimitLots: Int64) {
        self.arrivalPerTick = arrivalPerTick
        self.medianLots = medianLots
        self.sizeSigma = sizeSigma
        self.inventoryLimitLots = inventoryLimitLots
    }

    /// The default parameters.
    public static let standard = NoiseTraderParameters(
        arrivalPerTick: 4_000_000, medianLots: 20, sizeSigma: 80_000_000, inventoryLimitLots: 20_000)
}
