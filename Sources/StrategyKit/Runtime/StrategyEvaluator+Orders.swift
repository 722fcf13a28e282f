import MarketModel

extension StrategyEvaluator {
    /// Most lots a position on `market` may hold under `risk.max_position_notional` and
    /// `risk.max_leverage` at the current mark and equity.
    func capLots(_ market: Int) -> Int64 {
        let risk = program.risk
        var notional = Double.infinity
        if let cap = risk.maxPositionNotional { notional = cap }
        if let leverage = risk.maxLeverage {
            notional = min(notional, Double(leverage) * max(0, slots[program.layout.account(.equity)]))
        }
        guard notional.isFinite else { return Int64.max }
        let mark = slots[program.layout.market(market, .mark)]
        guard mark.isFinite, mark > 0 else { return 0 }
        let lots = (notional / mark * Double(specs[market].lotsPerCoin)).rounded(.down)
        return lots >= 9e18 ? Int64.max : Int64(max(0, lots))
    }

    /// The limit price of `order` for `side`, or `nil` for a market order; `.none` when invalid.
    mutating func limitPrice(_ order: CompiledOrder, side: Side, steps: inout Int) -> (valid: Bool, price: Price?) {
        let spec = specs[order.market]
        var value: Double
        if let code = order.price {
            value = evaluate(code, &steps)
        } else if let code = order.offset {
            let offset = evaluate(code, &steps)
            let mid = slots[program.layout.market(order.market, .mid)]
            let reference = mid.isFinite ? mid : slots[program.layout.market(order.market, .mark)]
            value = side == .buy ? reference - offset : reference + offset
        } else {
            return (true, nil)
        }
        guard let price = GridRounding.price(value, spec: spec, direction: side == .buy ? .down : .up),
            price.ticks > 0
        else { return (false, nil) }
        return (true, price)
    }

    mutating func admit(_ lots: Int64, rule: String) -> Bool {
        guard context.ordersPlaced < program.risk.maxOrdersPerTick else {
            if !context.notedOrderCap {
                context.notedOrderCap = true
                log(
                    "risk: max_orders_per_tick (\(program.risk.maxOrdersPerTick)) reached; \(rule) dropped further orders"
                )
            }
            return false
        }
        return lots > 0
    }

    func timeInForce(_ order: CompiledOrder, limit: Bool) -> TimeInForce {
        order.postOnly ? .postOnly : order.timeInForce ?? (limit ? .gtc : .ioc)
    }

    mutating func place(_ order: CompiledOrder, rule: String, steps: inout Int) {
        guard let side = order.side else { return }
        let market = order.market
        let size = evaluate(order.size, &steps)
        guard size.isFinite, size > 0 else {
            log("\(rule): \(side.rawValue) skipped: size \(Self.format(size)) is not a positive number")
            return
        }
        guard var lots = GridRounding.quantity(size, spec: specs[market])?.lots, lots > 0 else { return }
        let (valid, price) = limitPrice(order, side: side, steps: &steps)
        guard valid else {
            log("\(rule): \(side.rawValue) skipped: limit price is not a positive number")
            return
        }
        if !order.reduceOnly {
            if context.closedByRisk[market] { return }
            let cap = capLots(market)
            let pending = context.pending[market]
            let room = side == .buy ? cap.subtractingReportingOverflow(pending) : cap.addingReportingOverflow(pending)
            let allowed = room.overflow ? Int64.max : max(0, room.partialValue)
            if lots > allowed {
                log("risk: \(rule) \(side.rawValue) reduced from \(lots) to \(allowed) lots by the position cap")
                lots = allowed
            }
        }
        guard admit(lots, rule: rule) else { return }
        emit(
            .place(
                OrderIntent(
                    instrument: instrument(market), side: side, kind: price == nil ? .market : .limit, price: price,
                    quantity: Quantity(lots: lots), timeInForce: timeInForce(order, limit: price != nil),
                    reduceOnly: order.reduceOnly)))
        context.ordersPlaced += 1
        context.pending[market] = context.pending[market] &+ side.sign &* lots
    }

    /// `target_position`: one order moving the filled position to the target; a later target on the
    /// same market in the same tick replaces an earlier one.
    mutating func target(_ order: CompiledOrder, rule: String, steps: inout Int) {
        let market = order.market
        let value = evaluate(order.size, &steps)
        guard value.isFinite, let rounded = GridRounding.quantity(value, spec: specs[market]) else {
            log("\(rule): target_position skipped: target \(Self.format(value)) is not a number")
            return
        }
        let cap = capLots(market)
        var goal = min(max(rounded.lots, -cap), cap)
        if context.closedByRisk[market] { goal = 0 }
        if let previous = context.targetAction[market] {
            context.actions[previous] = nil
            context.targetAction[market] = nil
            context.ordersPlaced -= 1
            context.pending[market] = context.pending[market] &- context.targetLots[market]
        }
        let current = positions[market]
        let difference = goal &- current
        guard difference != 0 else { return }
        let side: Side = difference > 0 ? .buy : .sell
        let (valid, price) = limitPrice(order, side: side, steps: &steps)
        guard valid else {
            log("\(rule): target_position skipped: limit price is not a positive number")
            return
        }
        let lots = Int64(clamping: difference.magnitude)
        guard admit(lots, rule: rule) else { return }
        let reducing = current != 0 && (goal == 0 || (goal > 0) == (current > 0)) && goal.magnitude < current.magnitude
        context.targetAction[market] = context.actions.count
        context.targetLots[market] = difference
        emit(
            .place(
                OrderIntent(
                    instrument: instrument(market), side: side, kind: price == nil ? .market : .limit, price: price,
                    quantity: Quantity(lots: lots), timeInForce: timeInForce(order, limit: price != nil),
                    reduceOnly: reducing)))
        context.ordersPlaced += 1
        context.pending[market] = context.pending[market] &+ difference
    }
}
