import DequeModule
import MarketModel

extension Exchange {
    /// Matches an incoming order against the opposite side, best price first, then FIFO.
    /// Fills execute at the maker's price. Returns why matching stopped early: self-trade
    /// prevention (EXPIRE_TAKER: the taker's remainder is cancelled, the resting order stays), or
    /// the next fill would have left the bot taker with negative equity at mark.
    ///
    /// A bot's resting order whose fill would leave its owner with negative equity at mark (a
    /// stale order picked off after a gap) is cancelled (`insufficientMargin`) instead of filled.
    mutating func match(
        _ i: Int, account a: Int, order id: UInt64, side: Side, limit: Int64, remaining: inout Int64,
        feeMode: FeeMode
    ) -> MatchStop {
        let takesAsks = side == .buy
        let group = accounts[a].selfTradeGroup
        while remaining > 0 {
            let levelCount = takesAsks ? books[i].asks.levels.count : books[i].bids.levels.count
            guard levelCount > 0 else { return .none }
            let li = levelCount - 1
            let key = takesAsks ? books[i].asks.levels[li].key : books[i].bids.levels[li].key
            let price = takesAsks ? -key : key
            if takesAsks ? price > limit : price < limit { return .none }
            let front = takesAsks ? books[i].asks.levels[li].queue.first : books[i].bids.levels[li].queue.first
            guard let entry = front else {
                // A level without entries cannot be live; drop it defensively.
                if takesAsks { books[i].asks.removeLevel(at: li) } else { books[i].bids.removeLevel(at: li) }
                continue
            }
            let slot = Int(entry.slot)
            let maker = orders[slot]
            guard maker.id == entry.id, maker.live else {
                if takesAsks {
                    books[i].asks.levels[li].queue.removeFirst()
                } else {
                    books[i].bids.levels[li].queue.removeFirst()
                }
                continue
            }
            if maker.account == UInt32(a) || (group != 0 && accounts[Int(maker.account)].selfTradeGroup == group) {
                return .selfTrade
            }
            var lots = min(remaining, maker.remaining)
            if maker.reduceOnly {
                let size = positions[positionIndex(Int(maker.account), i)].size
                let allowed = (size > 0) == (maker.side == .sell) ? abs(size) : 0
                if allowed == 0 {
                    removeResting(slot: slot, reason: .reduceOnlyInvalidated)
                    continue
                }
                lots = min(lots, allowed)
            }
            let makerIndex = Int(maker.account)
            if accounts[makerIndex].kind == .bot,
                solventLots(makerIndex, i, side: maker.side, price: price, fee: specs[i].makerFee, wanted: lots) < lots
            {
                removeResting(slot: slot, reason: .insufficientMargin)
                continue
            }
            if feeMode == .normal, accounts[a].kind == .bot {
                lots = solventLots(a, i, side: side, price: price, fee: specs[i].takerFee, wanted: lots)
                if lots == 0 { return .margin }
            }
            executeFill(
                i, makerSlot: slot, takerAccount: a, takerOrder: id, takerSide: side, lots: lots,
                price: price, feeMode: feeMode)
            remaining -= lots
        }
        return .none
    }

    /// Most lots, up to `wanted`, account `x` can trade at `price` on `side` without its equity
    /// at mark falling below zero (for a cross position the cross equity, wallet + cross uPnL;
    /// for an isolated one the whole account's, wallet + isolated margins + uPnL): each lot moves
    /// equity by `side × (mark − price)` per lot minus the fee; two units of slack cover the
    /// fee's and the entry value's rounding. On an isolated position the position's own equity
    /// must stay at or above zero as well (`isolatedSolventLots`). The common case (the whole
    /// fill is affordable) costs one pass over the account's positions and no division.
    /// (`mutating`: see `withinBand`.)
    @inline(__always)
    mutating func solventLots(_ x: Int, _ i: Int, side: Side, price: Int64, fee rate: Rate, wanted: Int64) -> Int64 {
        // Cost per lot in ticks × 1e8 (× tickLotValue gives money × 1e8): adverse move plus fee.
        let move = side.sign * (price - markets[i].mark)
        let costTicks = Int128(move) * Int128(Rate.one.units) + Int128(price) * Int128(max(0, rate.units))
        guard costTicks > 0 else { return wanted }
        let cost = costTicks * Int128(tickLotValues[i])
        var equity = ledger.wallets[x]
        let base = positionIndex(x, 0)
        // A cross fill is carried by the cross equity alone: isolated margins cannot absorb a
        // cross liquidation, so counting them let a cross position open beyond its bankruptcy
        // price and its loss fall to the insurance fund.
        let isolatedFill = positions[base + i].isolated
        for j in 0..<instrumentCount {
            let position = positions[base + j]
            if !position.isolated {
                equity += unrealized(position, j)
            } else if isolatedFill {
                equity += ledger.isolatedMargins[base + j] + unrealized(position, j)
            }
        }
        let budget = Int128(equity - 2) * Int128(Rate.one.units)
        var lots = wanted
        if budget < Int128(wanted) * cost {
            guard budget > 0 else { return 0 }
            lots = WideMath.clamp(budget / cost)
        }
        // An isolated position must also stay solvent on its own margin.
        if isolatedFill, lots > 0 {
            lots = isolatedSolventLots(x, i, side: side, price: price, wanted: lots)
        }
        return lots
    }

    /// Fee on `value` at `rate`, rounded up (in the exchange's favour).
    @inline(__always) func fee(_ value: Int64, _ rate: Rate) -> Int64 {
        rate.units == 0 ? 0 : WideMath.mulDiv(value, rate.units, Rate.one.units, .up)
    }

    /// Books one fill between a resting maker order and a taker.
    mutating func executeFill(
        _ i: Int, makerSlot slot: Int, takerAccount a: Int, takerOrder id: UInt64, takerSide: Side, lots: Int64,
        price: Int64, feeMode: FeeMode
    ) {
        let maker = orders[slot]
        let m = Int(maker.account)
        let value = notional(i, ticks: price, lots: lots)
        let makerFee = accounts[m].kind == .fund ? 0 : fee(value, specs[i].makerFee)
        var takerFee: Int64 = 0
        switch feeMode {
        case .normal: takerFee = fee(value, specs[i].takerFee)
        case .exempt: takerFee = 0
        case .liquidation: takerFee = fee(value, configuration.liquidationClearanceFee)
        }
        let makerResult = applyFill(account: m, instrument: i, delta: maker.side.sign * lots, value: value)
        let takerResult = applyFill(account: a, instrument: i, delta: takerSide.sign * lots, value: value)
        chargeFee(account: m, instrument: i, amount: makerFee, toFund: false)
        chargeFee(account: a, instrument: i, amount: takerFee, toFund: feeMode == .liquidation)

        // Maker order bookkeeping.
        let k = positionIndex(m, i)
        orders[slot].remaining -= lots
        let gone = orders[slot].remaining == 0
        if maker.side == .buy {
            books[i].bids.reduce(key: price, lots: lots, orderGone: gone)
            positions[k].bidLots -= lots
            positions[k].bidNotional -= value
        } else {
            books[i].asks.reduce(key: -price, lots: lots, orderGone: gone)
            positions[k].askLots -= lots
            positions[k].askNotional -= value
        }
        if gone {
            if maker.reduceOnly { positions[k].reduceOnlyOrders -= 1 }
            release(slot: slot, order: maker, position: k)
        }

        let trade = Trade(
            instrument: InstrumentID(UInt16(i)), price: Price(ticks: price), quantity: Quantity(lots: lots),
            takerSide: takerSide, makerAccount: AccountID(maker.account), makerOrder: OrderID(maker.id),
            makerFee: Money(units: makerFee), takerAccount: AccountID(UInt32(a)), takerOrder: OrderID(id),
            takerFee: Money(units: takerFee))
        markets[i].last = price
        markets[i].volume += lots
        markets[i].tradeCount += 1
        if recentTradesKept > 0 {
            if markets[i].recentTrades.count >= recentTradesKept { markets[i].recentTrades.removeFirst() }
            markets[i].recentTrades.append(trade)
        }
        pending.append(.trade(trade))
        if makerResult.closed > 0 { emitRealized(m, i, makerResult.realized) }
        if takerResult.closed > 0 { emitRealized(a, i, takerResult.realized) }
        if feeMode == .liquidation, takerFee != 0 {
            pending.append(.insuranceFund(balance: Money(units: ledger.fund)))
        }
        validateReduceOnly(account: m, instrument: i)
        if a != m { validateReduceOnly(account: a, instrument: i) }
    }

    mutating func emitRealized(_ a: Int, _ i: Int, _ amount: Int64) {
        pending.append(
            .realizedPnL(
                account: AccountID(UInt32(a)), instrument: InstrumentID(UInt16(i)), amount: Money(units: amount)))
    }

    /// Debits a fee from the cross wallet; to the fee pool, or to the insurance fund.
    mutating func chargeFee(account a: Int, instrument i: Int, amount: Int64, toFund: Bool) {
        guard amount != 0 else { return }
        ledger.chargeFee(a, amount, toFund: toFund)
        positions[positionIndex(a, i)].fees += amount
    }

    /// Cancels resting reduce-only orders that no longer reduce the position: the position is
    /// flat or on the order's side, or it has shrunk below the order's remaining quantity.
    /// Called after every change of a position, whoever caused it (own fills as taker or maker,
    /// liquidation fills, ADL and fund takeovers).
    mutating func validateReduceOnly(account a: Int, instrument i: Int) {
        let k = positionIndex(a, i)
        guard positions[k].reduceOnlyOrders > 0 else { return }
        let size = positions[k].size
        // The account's own list, in order-id order; cancelling one order does not change the
        // position, so deciding while walking equals deciding first.
        var slot = accounts[a].firstOrder
        while slot >= 0 {
            let next = orderLinks[Int(slot)].next
            let order = orders[Int(slot)]
            if Int(order.instrument) == i, order.reduceOnly,
                size == 0 || (size > 0) == (order.side == .buy) || order.remaining > abs(size)
            {
                removeResting(slot: Int(slot), reason: .reduceOnlyInvalidated)
            }
            slot = next
        }
    }
}
