import MarketEngine
import MarketModel
import StrategyKit

/// Builds a `rules` strategy's evaluator input straight from the engine's state: the market part
/// once per tick for every hosted strategy, the account part per strategy from the account
/// snapshot the tick loop takes anyway. The values are exactly those `RulesObservationTranslator`
/// parses back out of the same tick's wire observation (every decimal on the wire is the exact
/// image of an engine integer), without formatting and parsing decimal strings.
struct RulesInputBuilder {
    let instruments: [InstrumentSpec]

    /// Whether the direct path applies: the strategies' instrument specs (catalog specs chosen by
    /// symbol, see `RulesSession.specs`) have the market's grids, so integers carry over as is.
    static func isExact(market: [InstrumentSpec], strategy: [InstrumentSpec]) -> Bool {
        market.count == strategy.count
            && zip(market, strategy).allSatisfy {
                $0.symbol == $1.symbol && $0.tickSize == $1.tickSize && $0.lotsPerCoin == $1.lotsPerCoin
            }
    }

    /// The market part of every strategy's input this tick.
    func markets(_ exchange: Exchange) -> [StrategyKit.MarketView] {
        let tick = exchange.tick
        return instruments.indices.map { offset in
            let id = InstrumentID(UInt16(offset))
            let market = exchange.market(id)
            let book = exchange.book(id, depth: 1)
            let bid = book.bids.first
            let ask = book.asks.first
            let bidSize = bid?.quantity ?? .zero
            let askSize = ask?.quantity ?? .zero
            let total = Int128(bidSize.lots) + Int128(askSize.lots)
            return StrategyKit.MarketView(
                mark: market.mark, index: market.index, last: market.last, bestBid: bid?.price, bestAsk: ask?.price,
                bidSize: bidSize, askSize: askSize, volume: market.volume, fundingRate: market.fundingRate,
                ticksToFunding: max(0, market.nextFundingTick - tick), openInterest: market.openInterest,
                bookImbalance: total > 0
                    ? Rate(units: Int64((Int128(bidSize.lots) - Int128(askSize.lots)) * Int128(Rate.one.units) / total))
                    : nil)
        }
    }

    /// One strategy's input: the shared market part and its own account.
    func input(tick: Int64, markets: [StrategyKit.MarketView], account snapshot: AccountSnapshot?) -> StrategyInput {
        guard let snapshot else {
            return StrategyInput(
                tick: tick, markets: markets,
                account: StrategyKit.AccountView(
                    equity: .zero, balance: .zero, marginRatio: .zero,
                    positions: instruments.map { _ in StrategyKit.PositionView(openOrders: 0) }))
        }
        var open = [Int](repeating: 0, count: instruments.count)
        for order in snapshot.openOrders where Int(order.instrument.rawValue) < open.count {
            open[Int(order.instrument.rawValue)] += 1
        }
        let positions = instruments.indices.map { offset -> StrategyKit.PositionView in
            guard let position = snapshot.positions.first(where: { Int($0.instrument.rawValue) == offset }) else {
                return StrategyKit.PositionView(openOrders: open[offset])
            }
            return StrategyKit.PositionView(
                size: position.size, entryPrice: position.entryPrice, unrealizedPnL: position.unrealizedPnL,
                liquidationPrice: position.liquidationPrice, openOrders: open[offset])
        }
        return StrategyInput(
            tick: tick, markets: markets,
            account: StrategyKit.AccountView(
                equity: snapshot.equity, balance: snapshot.balance,
                marginRatio: ObservationBuilder.marginRatio(snapshot), positions: positions))
    }
}
