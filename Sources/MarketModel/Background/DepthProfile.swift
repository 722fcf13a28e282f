/// The deep book of one instrument: a ladder kept by a house depth provider beyond the inner
/// market makers, whose level sizes decay geometrically with distance from the fundamental.
///
/// Level k = 0…levels−1 on each side rests at `firstLevelBps + k × spacingBps` from the
/// fundamental (distances fixed in ticks from the start price, the anchor snapped to the spacing
/// so a move shifts the ladder by whole levels) with `lotsPerLevel × decay^k` lots (integer
/// arithmetic, rounded to nearest). Every `refillTicks` each level is topped back up to its size.
/// docs/MARKET.md derives the price impact of an order from these numbers.
public struct DepthProfile: Sendable, Hashable, Codable {
    /// Levels per side.
    public var levels: Int
    /// Distance of the first level from the fundamental, in basis points of the start price.
    public var firstLevelBps: Int64
    /// Distance between consecutive levels, in basis points of the start price.
    public var spacingBps: Int64
    /// Size of the first level in lots.
    public var lotsPerLevel: Int64
    /// Ratio of a level's size to the previous level's (1e-8; `Rate.one` keeps sizes flat).
    public var decay: Rate
    /// Ticks between two refills of consumed levels (refill speed).
    public var refillTicks: Int64
    /// Absolute inventory beyond which the provider stops quoting the side that would grow it.
    public var inventoryLimitLots: Int64

    public init(
        levels: Int, firstLevelBps: Int64, spacingBps: Int64, lotsPerLevel: Int64, decay: Rate, refillTicks: Int64,
        inventoryLimitLots: Int64
    ) {
        self.levels = levels
        self.firstLevelBps = firstLevelBps
        self.spacingBps = spacingBps
        self.lotsPerLevel = lotsPerLevel
        self.decay = decay
        self.refillTicks = refillTicks
        self.inventoryLimitLots = inventoryLimitLots
    }

    /// 30 levels from 0.2 % to 3.1 % in 0.1 % steps, 2,000 lots first (2 BTC / 20 ETH), each
    /// level 0.93 of the previous one (about 25,000 lots per side in all), refilled every 10 ticks.
    public static let standard = DepthProfile(
        levels: 30, firstLevelBps: 20, spacingBps: 10, lotsPerLevel: 2_000, decay: Rate(units: 93_000_000),
        refillTicks: 10, inventoryLimitLots: 1_000_000)

    /// Size of level `k` in lots: `lotsPerLevel × decay^k`, the power formed in 1e-8 fixed point
    /// (rounded to nearest at each multiplication) and the product rounded to nearest; at least 1.
    public func lots(atLevel k: Int) -> Int64 {
        let one = Int128(Rate.one.units)
        var power = one
        for _ in 0..<max(0, k) { power = (power * Int128(decay.units) + one / 2) / one }
        return max(1, Int64(clamping: (Int128(lotsPerLevel) * power + one / 2) / one))
    }

    /// Distance of level `k` from the fundamental in ticks, for a start price of `start` ticks:
    /// `(firstTicks, spacingTicks)` with `firstTicks = start × firstLevelBps / 10⁴` and
    /// `spacingTicks = start × spacingBps / 10⁴` (each rounded down, at least one tick).
    public func tickDistances(start: Int64) -> (first: Int64, spacing: Int64) {
        let first = Int64(clamping: Int128(start) * Int128(firstLevelBps) / 10_000)
        let spacing = Int64(clamping: Int128(start) * Int128(spacingBps) / 10_000)
        return (max(1, first), max(1, spacing))
    }
}
