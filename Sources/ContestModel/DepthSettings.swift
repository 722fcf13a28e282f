/// `market.background.depth`: the deep book's profile (see `DepthProfile` and docs/MARKET.md).
/// Absent fields keep the defaults; `levels: 0` removes the deep book.
public struct DepthSettings: Codable, Sendable, Hashable {
    /// Levels per side.
    public var levels: Int?
    /// Distance of the first level and between levels, basis points of the start price.
    public var firstLevelBps: Int64?
    public var spacingBps: Int64?
    /// Size of the first level in lots (0.001 BTC, 0.01 ETH).
    public var lotsPerLevel: Int64?
    /// Ratio of a level's size to the previous one's, a decimal such as "0.93".
    public var decay: String?
    /// Ticks between refills of consumed levels.
    public var refillTicks: Int64?

    public init(
        levels: Int? = nil, firstLevelBps: Int64? = nil, spacingBps: Int64? = nil, lotsPerLevel: Int64? = nil,
        decay: String? = nil, refillTicks: Int64? = nil
    ) {
        self.levels = levels
        self.firstLevelBps = firstLevelBps
        self.spacingBps = spacingBps
        self.lotsPerLevel = lotsPerLevel
        self.decay = decay
        self.refillTicks = refillTicks
    }

    enum CodingKeys: String, CodingKey {
        case levels, decay
        case firstLevelBps = "first_level_bps"
        case spacingBps = "spacing_bps"
        case lotsPerLevel = "lots_per_level"
        case refillTicks = "refill_ticks"
    }
}
