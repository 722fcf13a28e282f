import MarketEngine
import MarketModel
import Testing

/// Random bots on the full market (background agents, volatile price, high leverage, both
/// margin modes) with invariants checked after every command and every tick; funding is
/// checked to be zero-sum including the logged residue.
@Suite("Invariant properties")
struct InvariantPropertyTests {
    static func configuration() -> MarketConfiguration {
        var configuration = MarketConfiguration.standard
        for i in configuration.background.instruments.indices {
            var parameters = JumpDiffusionParameters.standard
            parameters.calmVolatility = Rate(units: 2_000_000_000)  // 20/yr: liquidations happen
            parameters.volatileVolatility = Rate(units: 4_000_000_000)
            configuration.background.instruments[i].priceModel = .jumpDiffusion(parameters)
        }
        for i in configuration.instruments.indices { configuration.instruments[i].fundingIntervalTicks = 50 }
        configuration.fundingRatePeriodMilliseconds = 5_000
        return configuration
    }

    @Test(arguments: [UInt64(11), 12, 13])
    func invariantsHoldUnderRandomTrading(seed: UInt64) {
        var exchange = Exchange(configuration: Self.configuration(), seed: seed)
        var generator = SeededGenerator(seed: seed, stream: 7)
        var bots: [AccountID] = []
        var events: [MarketEvent] = []
        for n in 0..<12 {
            events = exchange.apply(.openAccount(deposit: .usdt(400 + Int64(n) * 100)))
            guard case .accountOpened(let id, _)? = events.first else { continue }
            bots.append(id)
            for i in 0..<2 {
                let instrument = InstrumentID(UInt16(i))
                if n % 3 == 0 {
                    _ = exchange.apply(.setMarginMode(account: id, instrument: instrument, mode: .isolated))
                }
                _ = exchange.apply(.setLeverage(account: id, instrument: instrument, leverage: 20 + Int64(n) * 2))
            }
        }
        var liquidations = 0
        var fundingSettlements = 0
        var counts: [String: Int] = [:]
        var whales: [AccountID] = []
        for _ in 0..<4 {
            events = exchange.apply(.openAccount(deposit: .usdt(1_000)))
            guard case .accountOpened(let id, _)? = events.first else { continue }
            _ = exchange.apply(.setLeverage(account: id, instrument: InstrumentID(0), leverage: 50))
            whales.append(id)
        }
        for tick in 0..<1_500 {
            if tick == 20 {
                // Near-maximum leverage positions, two each way, held: one side will be liquidated.
                for (n, whale) in whales.enumerated() {
                    events = exchange.apply(
                        .placeOrder(
                            OrderRequest(
                                account: whale, instrument: InstrumentID(0), side: n % 2 == 0 ? .buy : .sell,
                                kind: .market,
                                price: nil, quantity: Quantity(lots: 700), timeInForce: .ioc)))
                    #expect(exchange.invariantViolations().isEmpty)
                }
            }
            for _ in 0..<Int(generator.upTo(4)) {
                let bot = bots[Int(generator.upTo(Int64(bots.count - 1)))]
                let i = Int(generator.upTo(1))
                let instrument = InstrumentID(UInt16(i))
                let market = exchange.market(instrument)
                let side: Side = generator.next() & 1 == 0 ? .buy : .sell
                let lots = 1 + generator.upTo(i == 0 ? 400 : 800)
                let offset = generator.upTo(60) - 30
                let command: MarketCommand
                switch generator.upTo(19) {
                case 0...9:
                    command = .placeOrder(
                        OrderRequest(
                            account: bot, instrument: instrument, side: side, kind: .market,
                            price: nil, quantity: Quantity(lots: lots), timeInForce: .ioc,
                            reduceOnly: generator.chance(20_000_000)))
                case 10...16:
                    let price = Price(ticks: market.mark.ticks + offset * 5)
                    let tif: TimeInForce = [.gtc, .ioc, .fok, .postOnly][Int(generator.upTo(3))]
                    command = .placeOrder(
                        OrderRequest(
                            account: bot, instrument: instrument, side: side, kind: .limit,
                            price: price, quantity: Quantity(lots: lots), timeInForce: tif,
                            reduceOnly: generator.chance(10_000_000)))
                case 17: command = .cancelAll(account: bot, instrument: generator.chance(50_000_000) ? instrument : nil)
                case 18: command = .deposit(account: bot, amount: .usdt(generator.chance(50_000_000) ? 100 : -100))
                default: command = .closeOut(account: bot)
                }
                events = exchange.apply(command)
                for event in events {
                    if case .orderRejected(_, _, let reason) = event { counts[reason.rawValue, default: 0] += 1 }
                }
                let problems = exchange.invariantViolations()
                #expect(problems.isEmpty, "tick \(tick) after \(command): \(problems)")
                if !problems.isEmpty { return }
            }
            events = exchange.advance()
            var fundingNet: [UInt16: Int64] = [:]
            var residue: [UInt16: Int64] = [:]
            for event in events {
                switch event {
                case .liquidation: liquidations += 1
                case .funding(_, let instrument, _, let amount):
                    fundingNet[instrument.rawValue, default: 0] += amount.units
                case .fundingResidue(let instrument, let amount):
                    residue[instrument.rawValue, default: 0] += amount.units
                default: break
                }
            }
            for (instrument, net) in fundingNet.sorted(by: { $0.key < $1.key }) {
                fundingSettlements += 1
                #expect(net + residue[instrument, default: 0] == 0, "funding not zero-sum at tick \(tick)")
            }
            let problems = exchange.invariantViolations()
            #expect(problems.isEmpty, "tick \(tick) advance: \(problems)")
            if !problems.isEmpty { return }
        }
        let btc = exchange.market(InstrumentID(0))
        #expect(
            liquidations > 0,
            "no liquidation exercised: \(counts.sorted { $0.key < $1.key }) mark \(btc.mark) positions \(bots.compactMap { exchange.account($0) }.map { a in "\(a.equity) mm \(a.maintenanceMargin) " + a.positions.map { "\($0.size) e\($0.entryPrice) lp\($0.liquidationPrice.map { "\($0)" } ?? "-") m\($0.markPrice)" }.joined(separator: ";") })"
        )
        #expect(fundingSettlements > 0)
        #expect(exchange.insuranceFundBalance.units > 0)
    }
}
