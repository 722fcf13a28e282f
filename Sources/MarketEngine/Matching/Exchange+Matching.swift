import DequeModule
import MarketModel

extension Exchange {
    /// Matches an incoming order against the opposite side, best price first, then FIFO.
    /// Fills execute at the maker's price. Returns `true` when self-trade prevention stopped it
    /// (EXPIRE_TAKER: the taker's remainder is cancelled, the resting order stays).
    mutating func match(
        _ i: Int, account a: Int, order id: UInt64, side: Side, limit: Int64, remaining: inout Int64,
        feeMode: FeeMode
    ) -> Bool {
        let takesAsks = side == .buy
        while remaining > 0 {
            let levelCount = takesAsks ? books[i].asks.levels.count : books[i].bids.levels.count
            guard levelCount > 0 else { return false }
            let li = levelCount - 1
            let key = takesAsks ? books[i].asks.levels[li].key : books[i].bids.levels[li].key
            let price = takesAsks ? -key : key
            if takesAsks ? price > limit : price < limit { return false }
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
            if maker.account == UInt32(a) { return true }
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
            executeFill(
                i, makerSlot: slot, takerAccount: a, takerOrder: id, takerSide: side, lots: lots,
                price: price, feeMode: feeMode)
            remaining -= lots
        }
        return false
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
        let spec = specs[i]
        let value = notional(i, ticks: price, lots: lots)
        let makerFee = accounts[m].kind == .fund ? 0 : fee(value, spec.makerFee)
        var takerFee: Int64 = 0
        switch feeMode {
        case .normal: takerFee = fee(value, spec.takerFee)
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
            accounts[m].openOrders -= 1
            orders[slot].live = false
            orderIndex[maker.id] = nil
            freeSlots.append(Int32(slot))
        }

        let trade = Trade(
            instrument: InstrumentID(UInt16(i)), price: Price(ticks: price), quantity: Quantity(lots: lots),
            takerSide: takerSide, makerAccount: AccountID(maker.account), makerOrder: OrderID(maker.id),
            makerFee: Money(units: makerFee), takerAccount: AccountID(UInt32(a)), takerOrder: OrderID(id),
            takerFee: Money(units: takerFee))
        markets[i].last = price
        markets[i].volume += lots
        if configuration.recentTradesKept > 0 {
            if markets[i].recentTrades.count >= configuration.recentTradesKept { markets[i].recentTrades.removeFirst() }
            markets[i].recentTrades.append(trade)
        }
        pending.append(.trade(trade))
        if makerResult.closed > 0 { emitRealized(m, i, makerResult.realized) }
        if takerResult.closed > 0 { emitRealized(a, i, takerResult.realized) }
        if feeMode == .liquidation, takerFee != 0 {
            pending.append(.insuranceFund(balance: Money(units: accounts[0].wallet)))
        }
        validateReduceOnly(account: m, instrument: i)
    }

    mutating func emitRealized(_ a: Int, _ i: Int, _ amount: Int64) {
        pending.append(
            .realizedPnL(
                account: AccountID(UInt32(a)), instrument: InstrumentID(UInt16(i)), amount: Money(units: amount)))
    }

    /// Debits a fee from the cross wallet; to the fee pool, or to the insurance fund.
    mutating func chargeFee(account a: Int, instrument i: Int, amount: Int64, toFund: Bool) {
        guard amount != 0 else { return }
        accounts[a].wallet -= amount
        positions[positionIndex(a, i)].fees += amount
        if toFund { accounts[0].wallet += amount } else { feesCollected += amount }
    }

    /// Cancels resting reduce-only orders that could now only increase the position.
    mutating func validateReduceOnly(account a: Int, instrument i: Int) {
        let k = positionIndex(a, i)
        guard positions[k].reduceOnlyOrders > 0 else { return }
        let size = positions[k].size
        var doomed: [(UInt64, Int)] = []
        for side in [books[i].bids, books[i].asks] {
            for level in side.levels {
                for entry in level.queue {
                    let order = orders[Int(entry.slot)]
                    guard order.id == entry.id, order.live, order.account == UInt32(a), order.reduceOnly else {
                        continue
                    }
                    if size == 0 || (size > 0) == (order.side == .buy) { doomed.append((order.id, Int(entry.slot))) }
                }
            }
        }
        doomed.sort { $0.0 < $1.0 }
        for (_, slot) in doomed { removeResting(slot: slot, reason: .reduceOnlyInvalidated) }
    }
}
