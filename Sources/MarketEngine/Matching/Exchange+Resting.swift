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
            orderLinks.append(OrderLink())
        }
        orderIndex[id] = slot
        linkOrder(slot: slot, id: id, account: a)
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
        positions[k].openOrders += 1
        accounts[a].openOrders += 1
    }

    /// Enters `slot` into its account's list of live orders, which is kept in order-id order.
    /// An order rests in the command that assigned its id, so it is the account's newest and
    /// goes to the tail; the walk back only guards that assumption.
    @inline(__always)
    mutating func linkOrder(slot: Int32, id: UInt64, account a: Int) {
        var previous = accounts[a].lastOrder
        while previous >= 0, orders[Int(previous)].id > id { previous = orderLinks[Int(previous)].previous }
        let next = previous >= 0 ? orderLinks[Int(previous)].next : accounts[a].firstOrder
        orderLinks[Int(slot)] = OrderLink(previous: previous, next: next)
        if previous >= 0 { orderLinks[Int(previous)].next = slot } else { accounts[a].firstOrder = slot }
        if next >= 0 { orderLinks[Int(next)].previous = slot } else { accounts[a].lastOrder = slot }
    }

    /// Frees the slot of an order that left the book (filled or cancelled): counts, its
    /// account's list, the id index, the slab.
    @inline(__always)
    mutating func release(slot: Int, order: RestingOrder, position k: Int) {
        let a = Int(order.account)
        let link = orderLinks[slot]
        if link.previous >= 0 {
            orderLinks[Int(link.previous)].next = link.next
        } else {
            accounts[a].firstOrder = link.next
        }
        if link.next >= 0 {
            orderLinks[Int(link.next)].previous = link.previous
        } else {
            accounts[a].lastOrder = link.previous
        }
        positions[k].openOrders -= 1
        accounts[a].openOrders -= 1
        orders[slot].live = false
        orderIndex[order.id] = nil
        freeSlots.append(Int32(slot))
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
        release(slot: slot, order: order, position: k)
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

    /// Cancels an account's resting orders (one instrument or all), in order-id order (its own
    /// list; removing one order leaves the others' links intact).
    mutating func cancelAllOrders(account a: Int, instrument: Int?, reason: CancelReason) {
        var slot = accounts[a].firstOrder
        while slot >= 0 {
            let next = orderLinks[Int(slot)].next
            if instrument == nil || instrument == Int(orders[Int(slot)].instrument) {
                removeResting(slot: Int(slot), reason: reason)
            }
            slot = next
        }
    }
}
