/// Public state of one instrument at an observation.
public struct MarketView: Codable, Sendable, Hashable {
    public var symbol: String
    public var mark: String
    public var index: String
    /// Last traded price; `nil` before the first trade.
    public var last: String?
    /// Current funding rate per interval, as a fraction.
    public var fundingRate: String
    /// The tick at which funding is next settled.
    public var nextFundingTick: Int64
    /// Open interest in coins.
    public var openInterest: String
    /// Traded quantity in coins since the start of the run.
    public var volume: String
    /// Best bids first (descending price), top N levels.
    public var bids: [BookLevel]
    /// Best asks first (ascending price), top N levels.
    public var asks: [BookLevel]
    /// Public trades since the previous observation, oldest first (bounded; see `tradesTruncated`).
    public var trades: [TradeView]
    /// `true` when more trades happened since the previous observation than `trades` holds
    /// (the oldest were dropped).
    public var tradesTruncated: Bool

    /// Creates a market view.
    public init(
        symbol: String, mark: String, index: String, last: String?, fundingRate: String,
        nextFundingTick: Int64, openInterest: String, volume: String, bids: [BookLevel],
        asks: [BookLevel], trades: [TradeView], tradesTruncated: Bool = false
    ) {
        self.symbol = symbol
        self.mark = mark
        self.index = index
        self.last = last
        self.fundingRate = fundingRate
        self.nextFundingTick = nextFundingTick
        self.openInterest = openInterest
        self.volume = volume
        self.bids = bids
        self.asks = asks
        self.trades = trades
        self.tradesTruncated = tradesTruncated
    }

    enum CodingKeys: String, CodingKey {
        case symbol, mark, index, last
        case fundingRate = "funding_rate"
        case nextFundingTick = "next_funding_tick"
        case openInterest = "open_interest"
        case volume, bids, asks, trades
        case tradesTruncated = "trades_truncated"
    }

    /// Decodes a market view; `trades_truncated` may be absent (false).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        symbol = try container.decode(String.self, forKey: .symbol)
        mark = try container.decode(String.self, forKey: .mark)
        index = try container.decode(String.self, forKey: .index)
        last = try container.decodeIfPresent(String.self, forKey: .last)
        fundingRate = try container.decode(String.self, forKey: .fundingRate)
        nextFundingTick = try container.decode(Int64.self, forKey: .nextFundingTick)
        openInterest = try container.decode(String.self, forKey: .openInterest)
        volume = try container.decode(String.self, forKey: .volume)
        bids = try container.decode([BookLevel].self, forKey: .bids)
        asks = try container.decode([BookLevel].self, forKey: .asks)
        trades = try container.decode([TradeView].self, forKey: .trades)
        tradesTruncated = try container.decodeIfPresent(Bool.self, forKey: .tradesTruncated) ?? false
    }
}
