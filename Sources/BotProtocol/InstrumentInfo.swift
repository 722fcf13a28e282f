public import MarketModel

/// Static trading rules of one instrument, as sent in `hello`. Decimal values are strings.
public struct InstrumentInfo: Codable, Sendable, Hashable {
    public var symbol: String
    /// Price grid, e.g. `"0.1"`.
    public var tickSize: String
    /// Quantity grid in coins, e.g. `"0.001"`.
    public var lotSize: String
    /// Smallest notional (USDT) of an order that is not reduce-only.
    public var minNotional: String
    public var maxLeverage: Int
    /// Fee rates as fractions, e.g. `"0.0002"` for 0.02 %.
    public var makerFee: String
    public var takerFee: String

    /// Creates the wire form from explicit values.
    public init(
        symbol: String, tickSize: String, lotSize: String, minNotional: String, maxLeverage: Int,
        makerFee: String, takerFee: String
    ) {
        self.symbol = symbol
        self.tickSize = tickSize
        self.lotSize = lotSize
        self.minNotional = minNotional
        self.maxLeverage = maxLeverage
        self.makerFee = makerFee
        self.takerFee = takerFee
    }

    /// Derives the wire form from the engine's instrument specification.
    public init(_ spec: InstrumentSpec) {
        self.init(
            symbol: spec.symbol,
            tickSize: spec.tickSize.decimal,
            lotSize: FixedPoint.format(Money.unitsPerCoin / spec.lotsPerCoin, scale: Money.scale),
            minNotional: spec.minNotional.decimal,
            maxLeverage: Int(spec.maxLeverage),
            makerFee: spec.makerFee.decimal,
            takerFee: spec.takerFee.decimal
        )
    }

    enum CodingKeys: String, CodingKey {
        case symbol
        case tickSize = "tick_size"
        case lotSize = "lot_size"
        case minNotional = "min_notional"
        case maxLeverage = "max_leverage"
        case makerFee = "maker_fee"
        case takerFee = "taker_fee"
    }
}
