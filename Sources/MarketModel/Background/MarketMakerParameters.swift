/// A ladder-quoting market maker with an inventory limit (ABIDES AdaptiveMarketMaker-like).
public struct MarketMakerParameters: Sendable, Hashable, Codable {
    /// Quote levels per side.
    public var levels: Int
    /// Ticks between consecutive levels.
    public var spacingTicks: Int64
    /// Base half-spread around the fundamental in basis points (widened by realised volatility).
    public var halfSpreadBps: Int64
    /// Size of each level in lots (plus a share of recent volume).
    public var lotsPerLevel: Int64
    /// Absolute inventory beyond which the maker stops quoting the side that would grow it.
    public var inventoryLimitLots: Int64
    /// Ticks between re-quotes (only changed levels are cancelled and replaced).
    public var requoteIntervalTicks: Int64

    public init(
        levels: Int, spacingTicks: Int64, halfSpreadBps: Int64, lotsPerLevel: Int64,
        inventoryLimitLots: Int64, requoteIntervalTicks: Int64
    ) {
        self.levels = levels
        self.spacingTicks = spacingTicks
        self.halfSpreadBps = halfSpreadBps
        self.lotsPerLevel = lotsPerLevel
        self.inventoryLimitLots = inventoryLimitLots
        self.requoteIntervalTicks = requoteIntervalTicks
    }

    /// The default parameters.
    public static let standard = MarketMakerParameters(
        levels: 10, spacingTicks: 40, halfSpreadBps: 1, lotsPerLevel: 250, inventoryLimitLots: 25_000,
        requoteIntervalTicks: 5)
}
