import ContestModel
import MarketEngine
import MarketModel
import Testing

/// Every field of a contest's `market:` section reaches the engine: changing it changes the
/// market a run sees (same seed otherwise), and values the mapping could not use are refused by
/// field name.
@Suite("Contest market fields take effect")
struct MarketFieldTests {
    static let btc = InstrumentID(0)

    /// Index path of the first instrument over `ticks` ticks.
    static func indexPath(_ settings: MarketSettings, ticks: Int = 300, seed: UInt64 = 7) -> [Int64] {
        var exchange = Exchange(configuration: settings.configuration(), seed: seed)
        var path: [Int64] = []
        for _ in 0..<ticks {
            _ = exchange.advance()
            path.append(exchange.market(btc).index.ticks)
        }
        return path
    }

    static func parse(_ market: String) throws(ContestError) -> ContestDefinition {
        try ContestDefinitionLoader.parse(
            """
            id: fields
            name: Fields
            market:
            \(market.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
            evaluation:
              ticks: 100
              rounds:
                - { seed: 1, public: true }
            phases:
              - { name: open }
            """)
    }

    @Test func instrumentsListTheListedOnes() {
        var settings = MarketSettings()
        settings.instruments = ["ETH-PERP"]
        let configuration = settings.configuration()
        #expect(configuration.instruments.map(\.symbol) == ["ETH-PERP"])
        #expect(Exchange(configuration: configuration, seed: 1).market(Self.btc).index.ticks == 300_000)
    }

    @Test func tickMillisecondsSetTheSimulatedClock() {
        var settings = MarketSettings()
        settings.tickMilliseconds = 250
        #expect(settings.configuration().tickMilliseconds == 250)
        settings.background.priceModel = PriceModelSettings(type: "gbm")
        var slow = settings
        slow.tickMilliseconds = 60_000
        // Longer ticks, larger steps: the same draws move the index further.
        let fast = Self.indexPath(settings, ticks: 50).map { abs($0 - 600_000) }.max() ?? 0
        let long = Self.indexPath(slow, ticks: 50).map { abs($0 - 600_000) }.max() ?? 0
        #expect(long > fast * 5)
    }

    @Test func fundingIntervalOverridesEveryInstrument() {
        var settings = MarketSettings()
        settings.fundingIntervalTicks = 77
        #expect(settings.configuration().instruments.allSatisfy { $0.fundingIntervalTicks == 77 })
        #expect(Exchange(configuration: settings.configuration(), seed: 1).market(Self.btc).nextFundingTick == 77)
    }

    @Test func startPricesSetTheIndex() {
        var settings = MarketSettings()
        settings.background.startPrices["BTC-PERP"] = "42000.5"
        #expect(Exchange(configuration: settings.configuration(), seed: 1).market(Self.btc).index.ticks == 420_005)
    }

    @Test func volatilityScalesThePricePath() {
        var calm = MarketSettings()
        calm.background.volatility = "0.2"
        var wild = calm
        wild.background.volatility = "2"
        guard case .jumpDiffusion(let parameters) = calm.configuration().background.instruments[0].priceModel else {
            Issue.record("default model is the jump diffusion")
            return
        }
        #expect(parameters.calmVolatility == Rate(units: 20_000_000))
        func range(_ path: [Int64]) -> Int64 { (path.max() ?? 0) - (path.min() ?? 0) }
        #expect(range(Self.indexPath(wild, ticks: 2_000)) > range(Self.indexPath(calm, ticks: 2_000)) * 3)
    }

    @Test func agentCountsChangeTheHouseAccounts() {
        let base = Exchange(configuration: MarketSettings().configuration(), seed: 1).accountCount
        for field in 0..<3 {
            var settings = MarketSettings()
            switch field {
            case 0: settings.background.marketMakers += 2
            case 1: settings.background.noiseTraders += 2
            default: settings.background.valueAgents += 2
            }
            // Two more agents per instrument, two instruments.
            #expect(Exchange(configuration: settings.configuration(), seed: 1).accountCount == base + 4)
        }
    }

    @Test func pricePathCSVIsReplayed() throws {
        var settings = MarketSettings()
        settings.background.pricePathCSV = "BTC-PERP\n61000\n61500.5\n60000\n"
        let path = Self.indexPath(settings, ticks: 4)
        #expect(path == [615_005, 600_000, 600_000, 600_000])
        #expect(Exchange(configuration: settings.configuration(), seed: 1).market(Self.btc).index.ticks == 610_000)
        #expect(throws: ContestError.self) { try Self.parse("background:\n  price_path_csv: \"btc.csv\"") }
        do {
            _ = try Self.parse("background:\n  price_path_csv: \"BTC-PERP\\n60000.05\"")
        } catch {
            #expect(error.field == "market.background.price_path_csv")
        }
    }

    @Test func priceModelSelectsTheProcess() throws {
        var settings = MarketSettings()
        let base = Self.indexPath(settings)
        for type in ["gbm", "merton", "garch", "regime_switch", "ornstein_uhlenbeck"] {
            settings.background.priceModel = PriceModelSettings(type: type)
            #expect(Self.indexPath(settings) != base, "\(type)")
        }
        settings.background.priceModel = PriceModelSettings(type: "constant")
        #expect(Set(Self.indexPath(settings)) == [600_000])
        let definition = try Self.parse(
            "background:\n  price_model: { type: garch, volatility: \"0.5\", alpha: \"0.1\", beta: \"0.8\" }")
        guard case .garch(let parameters) = definition.market.configuration().background.instruments[0].priceModel
        else {
            Issue.record("garch expected")
            return
        }
        #expect(parameters.alpha == Rate(units: 10_000_000) && parameters.volatility == Rate(units: 50_000_000))
        do {
            _ = try Self.parse("background:\n  price_model: { type: heston }")
            Issue.record("unknown model accepted")
        } catch {
            #expect(error.field == "market.background.price_model.type")
        }
        do {
            _ = try Self.parse("background:\n  price_model: { type: garch, alpha: \"0.5\", beta: \"0.5\" }")
            Issue.record("non-stationary GARCH accepted")
        } catch {
            #expect(error.field == "market.background.price_model.beta")
        }
    }

    @Test func depthShapesTheDeepBook() throws {
        func depth(_ settings: MarketSettings) -> Int64 {
            var exchange = Exchange(configuration: settings.configuration(), seed: 3)
            for _ in 0..<12 { _ = exchange.advance() }
            return exchange.book(Self.btc, depth: 500).asks.reduce(0) { $0 + $1.quantity.lots }
        }
        var settings = MarketSettings()
        let standard = depth(settings)
        settings.background.depth = DepthSettings(levels: 0)
        let none = depth(settings)
        settings.background.depth = DepthSettings(levels: 10, lotsPerLevel: 5_000, decay: "1")
        let flat = depth(settings)
        #expect(standard > none + 20_000)
        #expect(flat - none == 50_000)
        do {
            _ = try Self.parse("background:\n  depth: { decay: \"1.5\" }")
            Issue.record("decay above 1 accepted")
        } catch {
            #expect(error.field == "market.background.depth.decay")
        }
    }
}
