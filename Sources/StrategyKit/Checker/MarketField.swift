/// A per-market series readable in expressions, e.g. `mark` or `eth.funding_rate`.
///
/// Prices are in quote currency (USDT), sizes in coins, rates as fractions; a value that does not
/// exist this tick (no bid, no position entry) is "not available" (NaN).
enum MarketField: Int, CaseIterable, Sendable {
    case mark, index, mid, bid, ask, bidSize, askSize, spread, last, volume, fundingRate, nextFunding
    case openInterest, imbalance, position, entryPrice, upnl, liquidationPrice, openOrders

    /// The name used in expressions.
    var name: String {
        switch self {
        case .mark: "mark"
        case .index: "index"
        case .mid: "mid"
        case .bid: "bid"
        case .ask: "ask"
        case .bidSize: "bid_size"
        case .askSize: "ask_size"
        case .spread: "spread"
        case .last: "last"
        case .volume: "volume"
        case .fundingRate: "funding_rate"
        case .nextFunding: "next_funding"
        case .openInterest: "open_interest"
        case .imbalance: "imbalance"
        case .position: "position"
        case .entryPrice: "entry_price"
        case .upnl: "upnl"
        case .liquidationPrice: "liq_price"
        case .openOrders: "open_orders"
        }
    }

    static let byName: [String: MarketField] = Dictionary(uniqueKeysWithValues: allCases.map { ($0.name, $0) })
}
