/// Price process and background agents of one instrument.
public struct InstrumentBackground: Sendable, Hashable, Codable {
    /// Index (fundamental) price at tick 0.
    public var startPrice: Price
    /// How the fundamental / index evolves.
    public var priceModel: PriceModel
    /// Market makers.
    public var marketMakers: [MarketMakerParameters]
    /// Noise traders.
    public var noiseTraders: [NoiseTraderParameters]
    /// Value agents.
    public var valueAgents: [ValueAgentParameters]
    /// The deep book kept by a house depth provider; `nil` for none.
    public var depth: DepthProfile?
    /// Draws injected in place of the seeded generator for the first steps of the price
    /// process (entry `k` drives the step into tick `k + 1`); for single-step checks.
    public var injectedDraws: [PriceDraw]?

    public init(
        startPrice: Price, priceModel: PriceModel, marketMakers: [MarketMakerParameters] = [],
        noiseTraders: [NoiseTraderParameters] = [], valueAgents: [ValueAgentParameters] = [],
        depth: DepthProfile? = nil, injectedDraws: [PriceDraw]? = nil
    ) {
        self.startPrice = startPrice
        self.priceModel = priceModel
        self.marketMakers = marketMakers
        self.noiseTraders = noiseTraders
        self.valueAgents = valueAgents
        self.depth = depth
        self.injectedDraws = injectedDraws
    }

    /// Constant index, no agents.
    public static func quiet(start: Price) -> InstrumentBackground {
        InstrumentBackground(startPrice: start, priceModel: .constant)
    }

    /// Jump diffusion with the default agent mix.
    public static func standard(start: Price) -> InstrumentBackground {
        InstrumentBackground(
            startPrice: start, priceModel: .jumpDiffusion(.standard),
            marketMakers: [
                .standard,
                MarketMakerParameters(
                    levels: 8, spacingTicks: 70, halfSpreadBps: 3,
                    lotsPerLevel: 400, inventoryLimitLots: 40_000,
                    requoteIntervalTicks: 7),
            ],
            noiseTraders: Array(repeating: .standard, count: 3),
            valueAgents: Array(repeating: .standard, count: 4))
    }
}
