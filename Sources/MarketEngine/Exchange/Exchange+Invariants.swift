import DequeModule
import MarketModel

extension Exchange {
    /// Consistency checks; empty when the state is sound. Used after every command in tests.
    ///
    /// - no resting crossed book; level aggregates equal their live orders; index complete;
    /// - per instrument, Σ signed sizes = 0 (every long has a short);
    /// - resting-order aggregates of every position equal its live orders;
    /// - derived state equals a recomputation: each account's list of live orders (exactly its
    ///   orders in the books, in order-id order, links consistent both ways), per-instrument order
    ///   counts, open interest (Σ long sizes);
    /// - money: Σ (wallet + isolated margin − signed entry value) + fees collected = deposits,
    ///   exactly (funding residue is inside the fund's wallet);
    /// - entry value is zero exactly when the position is flat; margins are not negative;
    /// - no account other than one liquidated by the last command (and the insurance fund, which
    ///   absorbs what auto-deleveraging cannot) has negative equity at mark.
    public func invariantViolations() -> [String] {
        var problems: [String] = []
        var liveOrders = 0
        var perPosition = Array(
            repeating: (
                bidLots: Int64(0), bidNotional: Int64(0), askLots: Int64(0), askNotional: Int64(0),
                reduceOnly: Int32(0),
                orders: Int32(0)
            ), count: positions.count)
        var perAccount = Array(repeating: Int32(0), count: accounts.count)
        for i in 0..<instrumentCount {
            if let bid = books[i].bestBid, let ask = books[i].bestAsk, bid >= ask {
                problems.append("instrument \(i): crossed book \(bid) >= \(ask)")
            }
            for (isBid, side) in [(true, books[i].bids), (false, books[i].asks)] {
                var previous: Int64?
                for level in side.levels {
                    if let previous, previous >= level.key { problems.append("instrument \(i): levels out of order") }
                    previous = level.key
                    var quantity: Int64 = 0
                    var count: Int32 = 0
                    for entry in level.queue {
                        let order = orders[Int(entry.slot)]
                        guard order.id == entry.id, order.live else { continue }
                        quantity += order.remaining
                        count += 1
                        liveOrders += 1
                        if order.remaining <= 0 { problems.append("order \(order.id): non-positive remaining") }
                        let price = isBid ? level.key : -level.key
                        if order.price != price || (order.side == .buy) != isBid {
                            problems.append("order \(order.id): on the wrong level")
                        }
                        if orderIndex[order.id] != entry.slot { problems.append("order \(order.id): index mismatch") }
                        let k = positionIndex(Int(order.account), i)
                        let value = notional(i, ticks: order.price, lots: order.remaining)
                        if isBid {
                            perPosition[k].bidLots += order.remaining
                            perPosition[k].bidNotional += value
                        } else {
                            perPosition[k].askLots += order.remaining
                            perPosition[k].askNotional += value
                        }
                        if order.reduceOnly { perPosition[k].reduceOnly += 1 }
                        perPosition[k].orders += 1
                        perAccount[Int(order.account)] += 1
                    }
                    if quantity != level.quantity || count != level.count || count == 0 {
                        problems.append(
                            "instrument \(i): level \(level.key) aggregates \(level.quantity)/\(level.count) vs \(quantity)/\(count)"
                        )
                    }
                }
            }
            var net: Int64 = 0
            var longs: Int64 = 0
            for a in 0..<accounts.count {
                net += positions[positionIndex(a, i)].size
                longs += max(0, positions[positionIndex(a, i)].size)
            }
            if net != 0 { problems.append("instrument \(i): net position \(net) != 0") }
            if longs != openInterest[i] {
                problems.append("instrument \(i): open interest \(openInterest[i]) != Σ longs \(longs)")
            }
        }
        if liveOrders != orderIndex.count {
            problems.append("order index has \(orderIndex.count) entries, book \(liveOrders)")
        }
        var signedEntryValues: Int128 = 0
        for a in 0..<accounts.count {
            if perAccount[a] != accounts[a].openOrders { problems.append("account \(a): open order count") }
            if let problem = orderListProblem(a) { problems.append("account \(a): \(problem)") }
            var open: Int32 = 0
            for i in 0..<instrumentCount {
                let k = positionIndex(a, i)
                let p = positions[k]
                let expected = perPosition[k]
                if p.bidLots != expected.bidLots || p.bidNotional != expected.bidNotional
                    || p.askLots != expected.askLots
                    || p.askNotional != expected.askNotional || p.reduceOnlyOrders != expected.reduceOnly
                    || p.openOrders != expected.orders
                {
                    problems.append("account \(a) instrument \(i): order aggregates out of sync")
                }
                if (p.size == 0) != (p.entryValue == 0) {
                    problems.append("account \(a) instrument \(i): entry value \(p.entryValue) with size \(p.size)")
                }
                if ledger.isolatedMargins[k] < 0 && p.size == 0 {
                    problems.append("account \(a) instrument \(i): negative isolated margin")
                }
                if p.size != 0 { open += 1 }
                signedEntryValues += Int128(p.signedEntryValue)
            }
            if open != accounts[a].openPositions { problems.append("account \(a): open position count") }
        }
        problems += negativeEquityViolations()
        if let problem = ledger.conservationProblem(signedEntryValues: signedEntryValues) { problems.append(problem) }
        return problems
    }

    /// Why account `a`'s list of live orders is not exactly its live orders in order-id order with
    /// links consistent both ways; `nil` when it is (the count is checked against the books above).
    func orderListProblem(_ a: Int) -> String? {
        var listed: Int32 = 0
        var previous: Int32 = -1
        var previousID: UInt64 = 0
        var slot = accounts[a].firstOrder
        while slot >= 0 {
            guard Int(slot) < orders.count, listed < accounts[a].openOrders else { return "order list too long" }
            let order = orders[Int(slot)]
            guard order.live, order.account == UInt32(a), orderIndex[order.id] == slot else {
                return "order list holds slot \(slot), not a live order of the account"
            }
            guard order.id > previousID, orderLinks[Int(slot)].previous == previous else {
                return "order list out of order or badly linked at slot \(slot)"
            }
            listed += 1
            previous = slot
            previousID = order.id
            slot = orderLinks[Int(slot)].next
        }
        guard accounts[a].lastOrder == previous else {
            return "order list tail \(accounts[a].lastOrder) != \(previous)"
        }
        return listed == accounts[a].openOrders
            ? nil : "order list has \(listed) orders, count \(accounts[a].openOrders)"
    }

    /// Accounts with negative equity (wallet + isolated margins + uPnL at mark), other than the
    /// insurance fund and the accounts liquidated by the last command. Cheap: one pass over the
    /// positions, no book walk.
    public func negativeEquityViolations() -> [String] {
        var problems: [String] = []
        for a in 1..<accounts.count where accounts[a].openPositions > 0 || ledger.wallets[a] < 0 {
            var equity = ledger.wallets[a]
            for i in 0..<instrumentCount {
                let k = positionIndex(a, i)
                equity += ledger.isolatedMargins[k] + unrealized(positions[k], i)
            }
            if equity < 0, !liquidatedInCommand.contains(a) {
                problems.append("account \(a): negative equity \(equity)")
            }
        }
        return problems
    }
}
