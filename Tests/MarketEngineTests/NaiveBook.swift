import MarketModel

/// A deliberately simple reference order book: a flat array scanned linearly for the best
/// price, then the lowest sequence number. Used only to cross-check the engine's book.
struct NaiveBook {
    struct Order {
        var id: UInt64
        var account: UInt32
        var side: Side
        var price: Int64
        var remaining: Int64
    }

    /// Book-level events, normalised for comparison with the engine's.
    enum Event: Equatable, CustomStringConvertible {
        case accepted(UInt64)
        case rejected(String)
        case trade(maker: UInt64, taker: UInt64, price: Int64, lots: Int64)
        case cancelled(order: UInt64, remaining: Int64, reason: String)

        var description: String {
            switch self {
            case .accepted(let id): return "accepted \(id)"
            case .rejected(let reason): return "rejected \(reason)"
            case .trade(let maker, let taker, let price, let lots): return "trade m\(maker) t\(taker) \(lots)@\(price)"
            case .cancelled(let order, let remaining, let reason): return "cancelled \(order) \(remaining) \(reason)"
            }
        }
    }

    var orders: [Order] = []
    var nextID: UInt64 = 1

    /// Index of the best resting order the incoming side could trade with at `limit`.
    func best(against side: Side, limit: Int64, skipping: Set<UInt64> = []) -> Int? {
        var pick: Int?
        for (index, order) in orders.enumerated() where order.side != side && !skipping.contains(order.id) {
            let acceptable = side == .buy ? order.price <= limit : order.price >= limit
            guard acceptable else { continue }
            if let current = pick {
                let other = orders[current]
                let better = side == .buy ? order.price < other.price : order.price > other.price
                if better || (order.price == other.price && order.id < other.id) { pick = index }
            } else {
                pick = index
            }
        }
        return pick
    }

    mutating func place(account: UInt32, side: Side, limit: Int64, lots: Int64, tif: TimeInForce) -> [Event] {
        if tif == .postOnly, best(against: side, limit: limit) != nil { return [.rejected("post_only_would_take")] }
        if tif == .fok {
            var seen: Set<UInt64> = []
            var total: Int64 = 0
            while total < lots, let index = best(against: side, limit: limit, skipping: seen) {
                if orders[index].account == account { break }
                total += orders[index].remaining
                seen.insert(orders[index].id)
            }
            if total < lots { return [.rejected("fok_not_fillable")] }
        }
        let id = nextID
        nextID += 1
        var events: [Event] = [.accepted(id)]
        var remaining = lots
        var selfTrade = false
        while remaining > 0, let index = best(against: side, limit: limit) {
            if orders[index].account == account {
                selfTrade = true
                break
            }
            let fill = min(remaining, orders[index].remaining)
            events.append(.trade(maker: orders[index].id, taker: id, price: orders[index].price, lots: fill))
            orders[index].remaining -= fill
            remaining -= fill
            if orders[index].remaining == 0 { orders.remove(at: index) }
        }
        if remaining > 0 {
            if (tif == .gtc || tif == .postOnly) && !selfTrade {
                orders.append(Order(id: id, account: account, side: side, price: limit, remaining: remaining))
            } else {
                events.append(
                    .cancelled(
                        order: id, remaining: remaining, reason: selfTrade ? "self_trade_prevention" : "ioc_remainder"))
            }
        }
        return events
    }

    mutating func cancel(account: UInt32, id: UInt64) -> [Event] {
        guard let index = orders.firstIndex(where: { $0.id == id && $0.account == account }) else {
            return [.rejected("unknown_order")]
        }
        let order = orders.remove(at: index)
        return [.cancelled(order: order.id, remaining: order.remaining, reason: "requested")]
    }

    mutating func cancelAll(account: UInt32) -> [Event] {
        let mine = orders.filter { $0.account == account }.map(\.id).sorted()
        return mine.flatMap { cancel(account: account, id: $0) }
    }

    /// Aggregated levels, best first.
    func levels(_ side: Side) -> [(Int64, Int64)] {
        var totals: [Int64: Int64] = [:]
        for order in orders where order.side == side { totals[order.price, default: 0] += order.remaining }
        return totals.sorted { side == .buy ? $0.key > $1.key : $0.key < $1.key }.map { ($0.key, $0.value) }
    }
}
