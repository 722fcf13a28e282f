import ContestModel
import Foundation
import MarketEngine
import MarketModel

/// Turns a decoded scenario into a market configuration, validating every decimal on its grid.
struct ScenarioBuilder {
    let scenario: Scenario
    /// Directory of the scenario file, for relative CSV paths.
    var directory = "."
    var specs: [InstrumentSpec] = []
    var symbols: [String: InstrumentID] = [:]

    init(_ scenario: Scenario) throws {
        self.scenario = scenario
        if let market = scenario.contestMarket {
            do {
                try ContestDefinitionLoader.validateBackground(market)
            } catch {
                throw ScenarioError(code: "invalid_contest_market", message: error.description)
            }
            for (index, spec) in market.configuration().instruments.enumerated() {
                symbols[spec.symbol] = InstrumentID(UInt16(index))
                specs.append(spec)
            }
        }
        for (index, entry) in scenario.instruments.enumerated() where scenario.contestMarket == nil {
            let spec = try Self.spec(entry)
            if let problem = spec.validationProblem() {
                throw ScenarioError(code: "invalid_instrument", message: problem)
            }
            guard symbols[spec.symbol] == nil else {
                throw ScenarioError(code: "duplicate_instrument", message: spec.symbol)
            }
            symbols[spec.symbol] = InstrumentID(UInt16(index))
            specs.append(spec)
        }
        if specs.isEmpty { throw ScenarioError(code: "no_instruments", message: "list at least one instrument") }
    }

    static func money(_ text: String, _ what: String) throws -> Money {
        guard let value = Money(decimal: text) else { throw ScenarioError.offGrid(what, text) }
        return value
    }

    static func rate(_ text: String, _ what: String) throws -> Rate {
        guard let value = Rate(decimal: text) else { throw ScenarioError.offGrid(what, text) }
        return value
    }

    static func spec(_ entry: ScenarioInstrument) throws -> InstrumentSpec {
        let base = entry.base ?? entry.symbol
        var spec: InstrumentSpec
        switch base {
        case "BTC-PERP": spec = .btcPerp
        case "ETH-PERP": spec = .ethPerp
        default: throw ScenarioError.unknown("base instrument", base)
        }
        spec.symbol = entry.symbol
        if let text = entry.tickSize { spec.tickSize = try money(text, "tickSize") }
        if let text = entry.lotSize {
            let lot = try money(text, "lotSize")
            guard lot.units > 0, Money.unitsPerCoin % lot.units == 0 else {
                throw ScenarioError.offGrid("lotSize", text)
            }
            spec.lotsPerCoin = Money.unitsPerCoin / lot.units
        }
        if let text = entry.minNotional { spec.minNotional = try money(text, "minNotional") }
        if let text = entry.priceBand { spec.priceBand = try rate(text, "priceBand") }
        if let value = entry.maxLeverage { spec.maxLeverage = value }
        if let tiers = entry.marginTiers {
            spec.marginTiers = try tiers.map {
                MarginTier(
                    notionalCap: try money($0.cap, "tier cap"), maxLeverage: $0.maxLeverage,
                    maintenanceRate: try rate($0.mmr, "tier mmr"), maintenanceAmount: try money($0.cum, "tier cum"))
            }
        }
        if let text = entry.makerFee { spec.makerFee = try rate(text, "makerFee") }
        if let text = entry.takerFee { spec.takerFee = try rate(text, "takerFee") }
        if let value = entry.fundingIntervalTicks { spec.fundingIntervalTicks = value }
        if let text = entry.fundingInterest { spec.fundingInterest = try rate(text, "fundingInterest") }
        if let text = entry.fundingClamp { spec.fundingClamp = try rate(text, "fundingClamp") }
        if let text = entry.fundingCap { spec.fundingCap = try rate(text, "fundingCap") }
        return spec
    }

    func instrument(_ symbol: String?) throws -> InstrumentID {
        guard let symbol else {
            if specs.count == 1 { return InstrumentID(0) }
            throw ScenarioError(code: "missing_instrument", message: "name the instrument")
        }
        guard let id = symbols[symbol] else { throw ScenarioError.unknown("instrument", symbol) }
        return id
    }

    func price(_ text: String, _ instrument: InstrumentID) throws -> Price {
        guard let value = specs[Int(instrument.rawValue)].price(decimal: text), value.ticks > 0 else {
            throw ScenarioError.offGrid("price", text)
        }
        return value
    }

    func quantity(_ text: String, _ instrument: InstrumentID) throws -> Quantity {
        guard let value = specs[Int(instrument.rawValue)].quantity(decimal: text) else {
            throw ScenarioError.offGrid("quantity", text)
        }
        return value
    }

    /// The market configuration: quiet background unless a price entry asks for agents.
    func configuration() throws -> MarketConfiguration {
        if let market = scenario.contestMarket { return market.configuration() }
        var backgrounds: [InstrumentBackground] = []
        for (index, spec) in specs.enumerated() {
            let id = InstrumentID(UInt16(index))
            guard let prices = scenario.prices[spec.symbol] else {
                throw ScenarioError(code: "missing_prices", message: "no prices for \(spec.symbol)")
            }
            var background: InstrumentBackground
            if let file = prices.csv {
                let path = file.hasPrefix("/") ? file : directory + "/" + file
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw ScenarioError(code: "unreadable_file", message: path)
                }
                let points = try PricePathCSV.parse(String(decoding: data, as: UTF8.self), spec: spec)
                background = .quiet(start: points[0].index)
                background.priceModel = .path(points)
            } else if let path = prices.path, !path.isEmpty {
                let points = try path.map {
                    PricePoint(
                        index: try price($0.index, id), mark: try $0.mark.map { try price($0, id) },
                        fundingRate: try $0.fundingRate.map { try Self.rate($0, "fundingRate") })
                }
                background = .quiet(start: points[0].index)
                background.priceModel = .path(points)
            } else {
                guard let startText = prices.start else {
                    throw ScenarioError(code: "missing_prices", message: "\(spec.symbol): give a path or a start price")
                }
                let start = try price(startText, id)
                background = .quiet(start: start)
                if let settings = prices.priceModel {
                    guard PriceModelSettings.types.contains(settings.type) else {
                        throw ScenarioError.unknown("price model", settings.type)
                    }
                    background.priceModel = settings.priceModel(
                        volatility: settings.volatility ?? "0.8", spec: spec, start: start)
                } else {
                    switch prices.model ?? "constant" {
                    case "constant": break
                    case "jumpDiffusion": background.priceModel = .jumpDiffusion(.standard)
                    default: throw ScenarioError.unknown("price model", prices.model ?? "")
                    }
                }
            }
            if let draws = prices.draws {
                background.injectedDraws = try draws.map {
                    PriceDraw(
                        normal: try Self.rate($0.normal ?? "0", "draw normal"),
                        jumps: try ($0.jumps ?? []).map { try Self.rate($0, "draw jump") },
                        switchRegime: $0.switchRegime ?? false)
                }
            }
            if let depth = prices.depth { background.depth = depth.profile() }
            switch prices.agents ?? "none" {
            case "none": break
            case "standard":
                let standard = InstrumentBackground.standard(start: background.startPrice)
                background.marketMakers = standard.marketMakers
                background.noiseTraders = standard.noiseTraders
                background.valueAgents = standard.valueAgents
            default: throw ScenarioError.unknown("agent mix", prices.agents ?? "")
            }
            backgrounds.append(background)
        }
        var configuration = MarketConfiguration(
            instruments: specs, background: BackgroundConfiguration(instruments: backgrounds))
        if let market = scenario.market {
            if let value = market.tickMilliseconds { configuration.tickMilliseconds = value }
            if let value = market.fundingRatePeriodMilliseconds { configuration.fundingRatePeriodMilliseconds = value }
            if let text = market.insuranceFund {
                configuration.insuranceFundInitial = try Self.money(text, "insuranceFund")
            }
            if let text = market.liquidationClearanceFee {
                configuration.liquidationClearanceFee = try Self.rate(text, "liquidationClearanceFee")
            }
            if let value = market.basisSampleTicks { configuration.basisSampleTicks = value }
            if let value = market.premiumSampleTicks { configuration.premiumSampleTicks = value }
            if let value = market.markBasisWindow { configuration.markBasisWindow = value }
            if let value = market.maxOpenOrdersPerAccount { configuration.maxOpenOrdersPerAccount = value }
            if let text = market.fundUnwindNotionalPerTick {
                configuration.fundUnwindNotionalPerTick = try Self.money(text, "fundUnwindNotionalPerTick")
            }
        }
        let problems = configuration.validationProblems()
        if !problems.isEmpty { throw ScenarioError(code: "invalid_market", message: problems.joined(separator: "; ")) }
        return configuration
    }
}
