import DequeModule
import MarketModel

/// Resting orders: entering the book, leaving it, compaction and cancel-all.
extension Exchange {
    /// Puts an order on the book.
    mutating func rest(
        account a: Int, instrument i: Int, id: UInt64, side: Side, price: Int64, lots: Int64,
        timeInForce: TimeInForce, reduceOnly: Bool, clientTag: UInt64
    ) {
        let order = RestingOrder(
            id: id, account: UInt32(a), instrument: UInt16(i), side: side, timeInForce: timeInForce,
            reduceOnly: reduceOnly, live: true, price: price, remaining: lots, original: lots, clientTag: clientTag,
            placedTick: tick)
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            orders[Int(free)] = order
        } else {
            slot = Int32(orders.count)
            orders.append(order)
        }
        orderIndex[id] = slot
        let entry = QueueEntry(slot: slot, id: id)
        let k = positionIndex(a, i)
        let value = notional(i, ticks: price, lots: lots)
        if side == .buy {
            books[i].bids.add(key: price, entry: entry, lots: lots)
            positions[k].bidLots += lots
            positions[k].bidNotional += value
        } else {
            books[i].asks.add(key: -price, entry: entry, lots: lots)
            positions[k].askLots += lots
            positions[k].askNotional += value
        }
        if reduceOnly { positions[k].reduceOnlyOrders += 1 }
        accounts[a].openOrders += 1
    }

    /// Takes a resting order off the book; emits `orderCancelled` unless `reason` is nil (filled).
    mutating func removeResting(slot: Int, reason: CancelReason?) {
        let order = orders[slot]
        guard order.live else { return }
        let i = Int(order.instrument)
        let a = Int(order.account)
        let k = positionIndex(a, i)
        let value = notional(i, ticks: order.price, lots: order.remaining)
        let compact: Int?
        if order.side == .buy {
            compact = books[i].bids.reduce(key: order.price, lots: order.remaining, orderGone: true)
            positions[k].bidLots -= order.remaining
            positions[k].bidNotional -= value
        } else {
            compact = books[i].asks.reduce(key: -order.price, lots: order.remaining, orderGone: true)
            positions[k].askLots -= order.remaining
            positions[k].askNotional -= value
        }
        if order.reduceOnly { positions[k].reduceOnlyOrders -= 1 }
        accounts[a].openOrders -= 1
        orders[slot].live = false
        orderIndex[order.id] = nil
        freeSlots.append(Int32(slot))
        if let reason {
            pending.append(
                .orderCancelled(
                    account: AccountID(order.account), instrument: InstrumentID(order.instrument),
                    order: OrderID(order.id),
                    clientTag: order.clientTag, remaining: Quantity(lots: order.remaining), reason: reason))
        }
        if let compact { compactLevel(i, side: order.side, index: compact) }
    }

    /// Drops cancelled entries from a level whose queue is mostly dead.
    mutating func compactLevel(_ i: Int, side: Side, index: Int) {
        let slab = orders
        let dead: (QueueEntry) -> Bool = { entry in
            let order = slab[Int(entry.slot)]
            return order.id != entry.id || !order.live
        }
        if side == .buy {
            books[i].bids.levels[index].queue.removeAll(where: dead)
        } else {
            books[i].asks.levels[index].queue.removeAll(where: dead)
        }
    }

    /// Cancels an account's resting orders (one instrument or all), in order-id order.
    mutating func cancelAllOrders(account a: Int, instrument: Int?, reason: CancelReason) {
        guard accounts[a].openOrders > 0 else { return }
        var slots: [(id: UInt64, slot: Int)] = []
        for i in 0..<instrumentCount where instrument == nil || instrument == i {
            for side in [books[i].bids, books[i].asks] {
                for level in side.levels {
                    for entry in level.queue {
                        let order = orders[Int(entry.slot)]
                        if order.id == entry.id, order.live, order.account == UInt32(a) {
                            slots.append((entry.id, Int(entry.slot)))
                        }
                    }
                }
            }
        }
        slots.sort { $0.id < $1.id }
        for item in slots { removeResting(slot: item.slot, reason: reason) }
    }
}
