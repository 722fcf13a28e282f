import MarketModel

extension StrategyEvaluator {
    /// Copies the tick's market and account data into the slots, as decimal `Double`s.
    mutating func load(_ input: StrategyInput) {
        let layout = program.layout
        for market in specs.indices {
            let spec = specs[market]
            let index = instrumentIndex[market]
            let position = index < input.account.positions.count ? input.account.positions[index] : .flat
            positions[market] = position.size.lots
            func set(_ field: MarketField, _ value: Double) { slots[layout.market(market, field)] = value }
            func price(_ value: Price?) -> Double { value.map { GridRounding.value($0, spec: spec) } ?? .nan }
            func size(_ value: Quantity) -> Double { GridRounding.value(value, spec: spec) }
            set(.position, size(position.size))
            set(.entryPrice, price(position.entryPrice))
            set(.upnl, GridRounding.value(position.unrealizedPnL))
            set(.liquidationPrice, price(position.liquidationPrice))
            set(.openOrders, Double(position.openOrders))
            guard index < input.markets.count else {
                for field in MarketField.allCases where field.rawValue < MarketField.position.rawValue {
                    set(field, .nan)
                }
                continue
            }
            let view = input.markets[index]
            let bid = price(view.bestBid)
            let ask = price(view.bestAsk)
            set(.mark, price(view.mark))
            set(.index, price(view.index))
            set(.bid, bid)
            set(.ask, ask)
            set(.mid, (bid + ask) / 2)
            set(.spread, ask - bid)
            set(.bidSize, size(view.bidSize))
            set(.askSize, size(view.askSize))
            set(.last, price(view.last))
            set(.volume, size(view.volume))
            set(.fundingRate, GridRounding.value(view.fundingRate))
            set(.nextFunding, Double(view.ticksToFunding))
            set(.openInterest, size(view.openInterest))
            if let imbalance = view.bookImbalance {
                set(.imbalance, GridRounding.value(imbalance))
            } else {
                // In Double: exact for any real book (sizes below 2^53 lots), and no overflow trap
                // for any input a host could pass.
                let bid = Double(view.bidSize.lots)
                let ask = Double(view.askSize.lots)
                set(.imbalance, bid + ask > 0 ? (bid - ask) / (bid + ask) : 0)
            }
        }
        slots[layout.account(.equity)] = GridRounding.value(input.account.equity)
        slots[layout.account(.balance)] = GridRounding.value(input.account.balance)
        slots[layout.account(.marginRatio)] = GridRounding.value(input.account.marginRatio)
        slots[layout.account(.tick)] = Double(input.tick)
    }
}
