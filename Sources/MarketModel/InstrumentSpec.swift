/// Static description of a linear, USDT-settled perpetual contract (1 contract = 1 coin).
public struct InstrumentSpec: Hashable, Sendable, Codable {
    /// Symbol, e.g. `BTC-PERP`.
    public var symbol: String
    /// Value of one price tick per coin, in money units (BTC: 0.1 USDT = 10_000_000).
    public var tickSize: Money
    /// Lots per coin (BTC: 1000, so one lot is 0.001 BTC).
    public var lotsPerCoin: Int64
    /// Smallest notional of a non-reduce-only order.
    public var minNotional: Money
    /// Limit prices further than this from mark are rejected (0.05 = ±5 %).
    public var priceBand: Rate
    /// Highest leverage any account may set.
    public var maxLeverage: Int64
    /// Maintenance-margin brackets, ascending by `notionalCap`.
    public var marginTiers: [MarginTier]
    public var makerFee: Rate
    public var takerFee: Rate
    /// Funding interval in ticks.
    public var fundingIntervalTicks: Int64
    /// Interest rate per 8 h funding period (Binance: 0.0001).
    public var fundingInterest: Rate
    /// Clamp applied to (interest − premium) (Binance: 0.0005).
    public var fundingClamp: Rate
    /// Absolute cap of the funding rate per 8 h.
    public var fundingCap: Rate

    public init(
        symbol: String, tickSize: Money, lotsPerCoin: Int64, minNotional: Money, priceBand: Rate,
        maxLeverage: Int64, marginTiers: [MarginTier], makerFee: Rate, takerFee: Rate,
        fundingIntervalTicks: Int64, fundingInterest: Rate, fundingClamp: Rate, fundingCap: Rate
    ) {
        self.symbol = symbol
        self.tickSize = tickSize
        self.lotsPerCoin = lotsPerCoin
        self.minNotional = minNotional
        self.priceBand = priceBand
        self.maxLeverage = maxLeverage
        self.marginTiers = marginTiers
        self.makerFee = makerFee
        self.takerFee = takerFee
        self.fundingIntervalTicks = fundingIntervalTicks
        self.fundingInterest = fundingInterest
        self.fundingClamp = fundingClamp
        self.fundingCap = fundingCap
    }

    /// Money value of one tick on one lot: `tickSize / lotsPerCoin` (validated to be whole).
    @inlinable public var tickLotValue: Int64 { tickSize.units / lotsPerCoin }

    /// Notional of `quantity` at `price`, computed in 128 bits and trapping only if the
    /// result itself leaves `Int64`.
    @inlinable public func notional(price: Price, quantity: Quantity) -> Money {
        let (partial, overflow1) = price.ticks.multipliedReportingOverflow(
            by: quantity.lots.magnitude > UInt64(Int64.max) ? Int64.max : Int64(quantity.lots.magnitude))
        let (product, overflow2) = partial.multipliedReportingOverflow(by: tickLotValue)
        if !overflow1 && !overflow2 { return Money(units: product) }
        let wide = Int128(price.ticks) * Int128(quantity.lots.magnitude) * Int128(tickLotValue)
        return Money(units: Int64(wide))
    }

    /// Decimal digits of one tick (BTC 0.1 → 1).
    public var priceScale: Int { Self.decimals(of: tickSize.units, over: Money.unitsPerCoin) }
    /// Decimal digits of one lot (BTC 0.001 → 3).
    public var quantityScale: Int { Self.decimals(of: 1, over: lotsPerCoin) }

    /// Parses a decimal price (e.g. `"67250.1"`); `nil` when it is not on the tick grid.
    public func price(decimal: String) -> Price? {
        guard let units = FixedPoint.parse(decimal, scale: Money.scale), tickSize.units > 0,
            units % tickSize.units == 0
        else { return nil }
        return Price(ticks: units / tickSize.units)
    }

    /// Parses a decimal coin quantity (e.g. `"0.015"`); `nil` when it is not on the lot grid.
    public func quantity(decimal: String) -> Quantity? {
        guard let units = FixedPoint.parse(decimal, scale: Money.scale) else { return nil }
        let unitsPerLot = Money.unitsPerCoin / lotsPerCoin
        guard unitsPerLot > 0, units % unitsPerLot == 0 else { return nil }
        return Quantity(lots: units / unitsPerLot)
    }

    /// The price as a decimal string on this instrument's grid.
    public func decimal(_ price: Price) -> String {
        FixedPoint.format(price.ticks * tickSize.units, scale: Money.scale)
    }

    /// The quantity as a decimal coin amount.
    public func decimal(_ quantity: Quantity) -> String {
        FixedPoint.format(quantity.lots * (Money.unitsPerCoin / lotsPerCoin), scale: Money.scale)
    }

    /// Checks internal consistency; returns a readable problem or `nil`.
    public func validationProblem() -> String? {
        if symbol.isEmpty { return "instrument symbol is empty" }
        if tickSize.units <= 0 { return "\(symbol): tick size must be positive" }
        if lotsPerCoin <= 0 || Money.unitsPerCoin % lotsPerCoin != 0 {
            return "\(symbol): lot size must be 10^-k of a coin with k <= 8"
        }
        if tickSize.units % lotsPerCoin != 0 { return "\(symbol): tick size × lot size is below 1e-8 USDT" }
        if maxLeverage < 1 { return "\(symbol): max leverage must be at least 1" }
        if marginTiers.isEmpty { return "\(symbol): at least one margin tier is required" }
        for (previous, next) in zip(marginTiers, marginTiers.dropFirst())
        where next.notionalCap <= previous.notionalCap {
            return "\(symbol): margin tiers must ascend by notional cap"
        }
        if fundingIntervalTicks <= 0 { return "\(symbol): funding interval must be positive" }
        return nil
    }

    private static func decimals(of numerator: Int64, over denominator: Int64) -> Int {
        let text = FixedPoint.format(numerator * (Money.unitsPerCoin / denominator), scale: Money.scale)
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }
}
