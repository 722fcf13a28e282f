/// The shared market of a contest: which instruments trade and how the background market behaves.
public struct MarketSettings: Codable, Sendable, Hashable {
    /// Instrument symbols from the built-in set (`BTC-PERP`, `ETH-PERP`).
    public var instruments: [String]
    /// Simulated milliseconds per tick.
    public var tickMilliseconds: Int64
    /// Background market (price process and agents).
    public var background: BackgroundSettings
    /// Overrides every instrument's funding interval (ticks); nil keeps the instrument default.
    public var fundingIntervalTicks: Int64?

    public init(
        instruments: [String] = ["BTC-PERP", "ETH-PERP"], tickMilliseconds: Int64 = 1000,
        background: BackgroundSettings = .init(), fundingIntervalTicks: Int64? = nil
    ) {
        self.instruments = instruments
        self.tickMilliseconds = tickMilliseconds
        self.background = background
        self.fundingIntervalTicks = fundingIntervalTicks
    }

    enum CodingKeys: String, CodingKey {
        case instruments
        case tickMilliseconds = "tick_ms"
        case background
        case fundingIntervalTicks = "funding_interval_ticks"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = MarketSettings()
        instruments = try container.decodeIfPresent([String].self, forKey: .instruments) ?? defaults.instruments
        tickMilliseconds =
            try container.decodeIfPresent(Int64.self, forKey: .tickMilliseconds) ?? defaults.tickMilliseconds
        background = try container.decodeIfPresent(BackgroundSettings.self, forKey: .background) ?? defaults.background
        fundingIntervalTicks = try container.decodeIfPresent(Int64.self, forKey: .fundingIntervalTicks)
    }
}
