import MarketEngine
import MarketModel
import Testing

/// A quiet market (no background agents) for hand-derived examples; checks invariants after
/// every command and tick.
struct TestMarket {
    var exchange: Exchange
    var events: [MarketEvent] = []
    let btc = InstrumentID(0)

    init(price: Int64 = 500_000, zeroFees: Bool = false, configure: (inout MarketConfiguration) -> Void = { _ in }) {
        var spec = InstrumentSpec.btcPerp
        if zeroFees {
            spec.makerFee = .zero
            spec.takerFee = .zero
        }
        var configuration = MarketConfiguration(
            instruments: [spec], background: .quiet(startPrices: [Price(ticks: price)]))
        configure(&configuration)
        exchange = Exchange(configuration: configuration, seed: 1)
    }

    @discardableResult
    mutating func run(_ command: MarketCommand) -> [MarketEvent] {
        let produced = exchange.apply(command)
        events += produced
        let problems = exchange.invariantViolations()
        #expect(problems.isEmpty, "\(problems)")
        return produced
    }

    mutating func advance() -> [MarketEvent] {
        let produced = exchange.advance()
        events += produced
        let problems = exchange.invariantViolations()
        #expect(problems.isEmpty, "\(problems)")
        return produced
    }

    mutating func open(_ usdt: Int64, leverage: Int64? = nil, isolated: Bool = false) -> AccountID {
        let produced = run(.openAccount(deposit: .usdt(usdt)))
        guard case .accountOpened(let id, _) = produced.first else {
            Issue.record("account not opened")
            return AccountID(0)
        }
        if isolated { _ = run(.setMarginMode(account: id, instrument: btc, mode: .isolated)) }
        if let leverage { _ = run(.setLeverage(account: id, instrument: btc, leverage: leverage)) }
        return id
    }

    @discardableResult
    mutating func limit(
        _ account: AccountID, _ side: Side, _ price: String, _ quantity: String, tif: TimeInForce = .gtc,
        reduceOnly: Bool = false, tag: UInt64 = 0
    ) -> [MarketEvent] {
        let spec = exchange.configuration.instruments[0]
        guard let p = spec.price(decimal: price), let q = spec.quantity(decimal: quantity) else {
            Issue.record("off-grid test input")
            return []
        }
        return run(
            .placeOrder(
                OrderRequest(
                    account: account, instrument: btc, side: side, kind: .limit, price: p, quantity: q,
                    timeInForce: tif,
                    reduceOnly: reduceOnly, clientTag: tag)))
    }

    @discardableResult
    mutating func market(_ account: AccountID, _ side: Side, _ quantity: String, reduceOnly: Bool = false)
        -> [MarketEvent]
    {
        let spec = exchange.configuration.instruments[0]
        guard let q = spec.quantity(decimal: quantity) else { return [] }
        return run(
            .placeOrder(
                OrderRequest(
                    account: account, instrument: btc, side: side, kind: .market, price: nil, quantity: q,
                    timeInForce: .ioc,
                    reduceOnly: reduceOnly)))
    }

    func position(_ account: AccountID) -> PositionSnapshot? { exchange.account(account)?.positions.first }
}

/// Money from a decimal literal.
func usdt(_ text: String) -> Money { Money(decimal: text) ?? Money(units: Int64.min) }
/// Price in BTC ticks from a decimal literal.
func btcPrice(_ text: String) -> Price { InstrumentSpec.btcPerp.price(decimal: text) ?? Price(ticks: -1) }
