import MarketModel

extension StrategyEvaluator {
    func instrument(_ market: Int) -> InstrumentID { InstrumentID(UInt16(instrumentIndex[market])) }

    mutating func emit(_ action: StrategyAction) { context.actions.append(action) }

    mutating func log(_ message: String) {
        guard context.logs.count < configuration.maxLogLinesPerTick else {
            context.droppedLogs += 1
            return
        }
        let limit = configuration.maxLogLineLength
        context.logs.append(message.count > limit ? String(message.prefix(limit)) + "…" : message)
    }

    /// Closes positions whose unrealised PnL crossed `risk.stop_loss` or `risk.take_profit`.
    mutating func applyStops() {
        let risk = program.risk
        guard risk.stopLoss != nil || risk.takeProfit != nil else { return }
        let layout = program.layout
        for market in specs.indices where positions[market] != 0 {
            let entry = slots[layout.market(market, .entryPrice)]
            let size = slots[layout.market(market, .position)].magnitude
            let pnl = slots[layout.market(market, .upnl)]
            guard entry.isFinite, entry > 0, size > 0, pnl.isFinite else { continue }
            let fraction = pnl / (entry * size)
            var reason: String?
            if let stop = risk.stopLoss, fraction <= -stop { reason = "stop_loss" }
            if let take = risk.takeProfit, fraction >= take { reason = "take_profit" }
            guard let reason else { continue }
            close(market)
            context.closedByRisk[market] = true
            log("risk: \(reason) closed \(specs[market].symbol) (uPnL \(Self.format(pnl)) USDT)")
        }
    }

    /// Places a reduce-only market order flattening `market`'s position.
    mutating func close(_ market: Int) {
        let lots = positions[market]
        guard lots != 0, context.ordersPlaced < program.risk.maxOrdersPerTick else { return }
        emit(
            .place(
                OrderIntent(
                    instrument: instrument(market), side: lots > 0 ? .sell : .buy, kind: .market, price: nil,
                    quantity: Quantity(lots: lots.magnitude > UInt64(Int64.max) ? Int64.max : Int64(lots.magnitude)),
                    timeInForce: .ioc, reduceOnly: true)))
        context.ordersPlaced += 1
        context.pending[market] = 0
    }

    mutating func perform(_ action: CompiledAction, rule: String, steps: inout Int) {
        steps += action.cost(markets: specs.count) - Self.expressionCost(action)
        switch action {
        case .order(let order):
            if order.side == nil {
                target(order, rule: rule, steps: &steps)
            } else {
                place(order, rule: rule, steps: &steps)
            }
        case .close(let market):
            for index in market.map({ [$0] }) ?? Array(specs.indices) { close(index) }
        case .cancelAll(let market):
            emit(.cancelAll(market.map(instrument)))
        case .setLeverage(let market, let code):
            let value = evaluate(code, &steps)
            guard value.isFinite else {
                log("\(rule): set_leverage skipped: leverage is not available")
                return
            }
            for index in market.map({ [$0] }) ?? Array(specs.indices) {
                let cap = min(specs[index].maxLeverage, program.risk.maxLeverage ?? Int64.max)
                let leverage = Int64(max(1, min(Double(cap), value.rounded(.down))))
                emit(.setLeverage(instrument(index), leverage))
            }
        case .assign(let pairs):
            for pair in pairs { slots[pair.slot] = evaluate(pair.code, &steps) }
        case .log(let pieces):
            var message = ""
            for piece in pieces {
                switch piece {
                case .text(let text): message += text
                case .value(let code):
                    let value = evaluate(code, &steps)
                    message += code.type == .bool ? (value != 0 ? "true" : "false") : Self.format(value)
                }
            }
            log(message)
        }
    }

    /// The part of an action's static cost that `evaluate` charges as it runs.
    static func expressionCost(_ action: CompiledAction) -> Int {
        switch action {
        case .order(let order): order.size.cost + (order.price?.cost ?? 0) + (order.offset?.cost ?? 0)
        case .setLeverage(_, let code): code.cost
        case .assign(let pairs): pairs.reduce(0) { $0 + $1.code.cost }
        case .log(let pieces):
            pieces.reduce(0) { total, piece in
                if case .value(let code) = piece { return total + code.cost }
                return total
            }
        case .close, .cancelAll: 0
        }
    }

    /// The value rounded to 8 decimals, without trailing zeros (`n/a` when not available).
    static func format(_ value: Double) -> String {
        if value.isNaN { return "n/a" }
        let scaled = (value * 1e8).rounded()
        guard scaled.magnitude < 9e18 else { return String(value) }
        return FixedPoint.format(Int64(scaled), scale: 8)
    }
}
