import ContestModel
import MarketEngine
import MarketModel
import Testing

/// Every parameter of `market.background.price_model` and `market.background.depth` reaches the
/// market: the same contest with one parameter changed (same seed) produces a different index
/// path or a different book.
@Suite("Contest price model and depth parameters take effect")
struct MarketSubfieldTests {
    /// A price model parameter: the model, settings both runs share, the field and its new value.
    struct ModelCase: Sendable, CustomStringConvertible {
        let type: String
        let base: String
        let field: String
        let value: String
        var description: String { "\(type).\(field)" }
    }

    static let modelCases: [ModelCase] = [
        ModelCase(type: "gbm", base: "", field: "drift", value: "\"5\""),
        ModelCase(type: "gbm", base: "", field: "volatility", value: "\"3\""),
        ModelCase(type: "merton", base: "", field: "drift", value: "\"5\""),
        ModelCase(type: "merton", base: "", field: "volatility", value: "\"3\""),
        ModelCase(type: "merton", base: "", field: "jumps_per_year", value: "\"1000\""),
        ModelCase(type: "merton", base: ", jumps_per_year: \"1000\"", field: "jump_mean", value: "\"0.05\""),
        ModelCase(type: "merton", base: ", jumps_per_year: \"1000\"", field: "jump_std_dev", value: "\"0.2\""),
        ModelCase(type: "garch", base: "", field: "drift", value: "\"5\""),
        ModelCase(type: "garch", base: "", field: "volatility", value: "\"3\""),
        ModelCase(type: "garch", base: "", field: "alpha", value: "\"0.3\""),
        ModelCase(type: "garch", base: "", field: "beta", value: "\"0.5\""),
        ModelCase(type: "regime_switch", base: "", field: "volatility", value: "\"3\""),
        ModelCase(type: "regime_switch", base: "", field: "jumps_per_year", value: "\"1000\""),
        ModelCase(
            type: "regime_switch", base: ", calm_to_stressed: \"0.5\"", field: "stressed_volatility", value: "\"9\""),
        ModelCase(
            type: "regime_switch", base: ", calm_to_stressed: \"0.5\"", field: "stressed_jumps_per_year",
            value: "\"1000\""),
        ModelCase(type: "regime_switch", base: "", field: "calm_to_stressed", value: "\"0.5\""),
        ModelCase(
            type: "regime_switch", base: ", calm_to_stressed: \"0.5\"", field: "stressed_to_calm", value: "\"0.9\""),
        ModelCase(type: "ornstein_uhlenbeck", base: "", field: "volatility", value: "\"3\""),
        ModelCase(
            type: "ornstein_uhlenbeck", base: ", mean_prices: { BTC-PERP: \"40000\" }", field: "reversion_per_year",
            value: "\"1000\""),
        ModelCase(
            type: "ornstein_uhlenbeck", base: ", reversion_per_year: \"1000\"", field: "mean_prices",
            value: "{ BTC-PERP: \"40000\" }"),
    ]

    @Test(arguments: modelCases)
    func priceModelParameterChangesThePath(_ model: ModelCase) throws {
        // One-minute ticks over 2,000 ticks (about 1.4 days): at most 1,000 jumps a year are allowed,
        // and a few of them must happen for the jump parameters to show.
        let prefix = "tick_ms: 60000\nbackground:\n  price_model: { type: \(model.type)\(model.base)"
        let base = try MarketFieldTests.parse(prefix + " }")
        let changed = try MarketFieldTests.parse(prefix + ", \(model.field): \(model.value) }")
        #expect(
            MarketFieldTests.indexPath(base.market, ticks: 2_000)
                != MarketFieldTests.indexPath(changed.market, ticks: 2_000))
    }

    /// The BTC book of a market whose background has only the deep book: one tick, a bot's
    /// market buy of 1 BTC into the ladder, five more ticks (refills happen in between).
    static func book(_ depth: String) throws -> BookSnapshot {
        let definition = try MarketFieldTests.parse(
            "background:\n  market_makers: 0\n  noise_traders: 0\n  value_agents: 0\n  depth: { \(depth) }")
        var exchange = Exchange(configuration: definition.market.configuration(), seed: 3)
        _ = exchange.advance()
        guard case .accountOpened(let bot, _)? = exchange.apply(.openAccount(deposit: .usdt(1_000_000))).first else {
            Issue.record("no account")
            return exchange.book(MarketFieldTests.btc, depth: 500)
        }
        _ = exchange.apply(
            .placeOrder(
                OrderRequest(
                    account: bot, instrument: MarketFieldTests.btc, side: .buy, kind: .market, price: nil,
                    quantity: Quantity(lots: 1_000), timeInForce: .ioc)))
        for _ in 0..<5 { _ = exchange.advance() }
        return exchange.book(MarketFieldTests.btc, depth: 500)
    }

    @Test(arguments: [
        "levels: 5", "first_level_bps: 50", "spacing_bps: 25", "lots_per_level: 700", "decay: \"0.5\"",
        "refill_ticks: 3",
    ])
    func depthParameterChangesTheBook(_ field: String) throws {
        let standard = try Self.book("")
        let changed = try Self.book(field)
        #expect(!standard.asks.isEmpty)
        #expect(standard != changed, "\(field)")
    }
}
