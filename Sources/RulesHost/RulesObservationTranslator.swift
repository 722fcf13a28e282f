public import BotProtocol
public import MarketModel
public import StrategyKit

/// Converts wire observations (decimal strings) into the evaluator's exact integer inputs, and
/// the evaluator's actions back into wire actions. The one implementation: `arena-worker`,
/// `InProcessBots` and the runner's in-process rules host all use it.
public struct RulesObservationTranslator: Sendable {
    public let instruments: [InstrumentSpec]

    /// A translator for instruments indexed like the evaluator's (`InstrumentID(i)` is `instruments[i]`).
    public init(instruments: [InstrumentSpec]) { self.instruments = instruments }

    /// The evaluator input of one observation.
    public func input(_ observation: Observation) -> StrategyInput {
        let markets = instruments.map { spec -> StrategyKit.MarketView in
            guard let view = observation.markets.first(where: { $0.symbol == spec.symbol }) else {
                return StrategyKit.MarketView(mark: Price(ticks: 0), index: Price(ticks: 0))
            }
            let bid = view.bids.first
            let ask = view.asks.first
            let bidSize = bid.flatMap { spec.quantity(decimal: $0.quantity) } ?? .zero
            let askSize = ask.flatMap { spec.quantity(decimal: $0.quantity) } ?? .zero
            let total = Int128(bidSize.lots) + Int128(askSize.lots)
            return StrategyKit.MarketView(
                mark: spec.price(decimal: view.mark) ?? Price(ticks: 0),
                index: spec.price(decimal: view.index) ?? Price(ticks: 0),
                last: view.last.flatMap(spec.price(decimal:)),
                bestBid: bid.flatMap { spec.price(decimal: $0.price) },
                bestAsk: ask.flatMap { spec.price(decimal: $0.price) },
                bidSize: bidSize, askSize: askSize, volume: spec.quantity(decimal: view.volume) ?? .zero,
                fundingRate: Rate(decimal: view.fundingRate) ?? .zero,
                ticksToFunding: max(0, view.nextFundingTick - observation.tick),
                openInterest: spec.quantity(decimal: view.openInterest) ?? .zero,
                bookImbalance: total > 0
                    ? Rate(units: Int64((Int128(bidSize.lots) - Int128(askSize.lots)) * Int128(Rate.one.units) / total))
                    : nil)
        }
        let account = observation.account
        let positions = instruments.map { spec -> StrategyKit.PositionView in
            let open = account.openOrders.filter { $0.symbol == spec.symbol }.count
            guard let position = account.positions.first(where: { $0.symbol == spec.symbol }) else {
                return StrategyKit.PositionView(openOrders: open)
            }
            return StrategyKit.PositionView(
                size: spec.quantity(decimal: position.size) ?? .zero,
                entryPrice: spec.price(decimal: position.entryPrice),
                unrealizedPnL: Money(decimal: position.unrealizedPnL) ?? .zero,
                liquidationPrice: position.liquidationPrice.flatMap(spec.price(decimal:)), openOrders: open)
        }
        return StrategyInput(
            tick: observation.tick, markets: markets,
            account: StrategyKit.AccountView(
                equity: Money(decimal: account.equity) ?? .zero,
                balance: Money(decimal: account.balance) ?? .zero,
                marginRatio: Rate(decimal: account.marginRatio) ?? .zero,
                positions: positions))
    }

    /// The wire action of one evaluator action.
    public func action(_ action: StrategyAction) -> BotAction {
        switch action {
        case .place(let intent):
            let spec = instruments[Int(intent.instrument.rawValue)]
            return .place(
                PlaceOrder(
                    symbol: spec.symbol, side: intent.side, kind: intent.kind,
                    price: intent.price.map(spec.decimal), quantity: spec.decimal(intent.quantity),
                    timeInForce: intent.timeInForce, reduceOnly: intent.reduceOnly, clientID: nil))
        case .cancelAll(let instrument):
            return .cancelAll(symbol: instrument.map { instruments[Int($0.rawValue)].symbol })
        case .setLeverage(let instrument, let leverage):
            return .setLeverage(symbol: instruments[Int(instrument.rawValue)].symbol, leverage: Int(leverage))
        }
    }
}
