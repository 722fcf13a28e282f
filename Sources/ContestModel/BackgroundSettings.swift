/// Parameters of the seeded background market. Every field has a sensible default.
public struct BackgroundSettings: Codable, Sendable, Hashable {
    /// Starting fundamental price per symbol, as decimal strings.
    public var startPrices: [String: String]
    /// Annualised volatility σ of the price model (e.g. "0.5"); in the default regime-switching
    /// jump diffusion the calm regime's, the stressed one being 2.4 times it.
    public var volatility: String
    /// Number of market makers per instrument.
    public var marketMakers: Int
    /// Number of noise traders per instrument.
    public var noiseTraders: Int
    /// Number of value agents per instrument.
    public var valueAgents: Int
    /// Optional inline CSV price path replayed instead of the price model: a header row naming
    /// instruments, then one row of index prices per tick (see `PricePathTable`).
    public var pricePathCSV: String?
    /// The price model; absent: the default regime-switching jump diffusion.
    public var priceModel: PriceModelSettings?
    /// The deep book's profile; absent: the default profile.
    public var depth: DepthSettings?

    public init(
        startPrices: [String: String] = ["BTC-PERP": "60000", "ETH-PERP": "3000"], volatility: String = "0.8",
        marketMakers: Int = 3, noiseTraders: Int = 4, valueAgents: Int = 3, pricePathCSV: String? = nil,
        priceModel: PriceModelSettings? = nil, depth: DepthSettings? = nil
    ) {
        self.startPrices = startPrices
        self.volatility = volatility
        self.marketMakers = marketMakers
        self.noiseTraders = noiseTraders
        self.valueAgents = valueAgents
        self.pricePathCSV = pricePathCSV
        self.priceModel = priceModel
        self.depth = depth
    }

    enum CodingKeys: String, CodingKey {
        case startPrices = "start_prices"
        case volatility
        case marketMakers = "market_makers"
        case noiseTraders = "noise_traders"
        case valueAgents = "value_agents"
        case pricePathCSV = "price_path_csv"
        case priceModel = "price_model"
        case depth
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = BackgroundSettings()
        startPrices = try container.decodeIfPresent([String: String].self, forKey: .startPrices) ?? defaults.startPrices
        volatility = try container.decodeIfPresent(String.self, forKey: .volatility) ?? defaults.volatility
        marketMakers = try container.decodeIfPresent(Int.self, forKey: .marketMakers) ?? defaults.marketMakers
        noiseTraders = try container.decodeIfPresent(Int.self, forKey: .noiseTraders) ?? defaults.noiseTraders
        valueAgents = try container.decodeIfPresent(Int.self, forKey: .valueAgents) ?? defaults.valueAgents
        pricePathCSV = try container.decodeIfPresent(String.self, forKey: .pricePathCSV)
        priceModel = try container.decodeIfPresent(PriceModelSettings.self, forKey: .priceModel)
        depth = try container.decodeIfPresent(DepthSettings.self, forKey: .depth)
    }
}
