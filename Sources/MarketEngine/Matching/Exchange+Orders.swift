import DequeModule
import MarketModel

extension Exchange {
    /// Validates a bot's order at the boundary and submits it; refusals become events.
    mutating func placeOrder(_ request: OrderRequest) {
        let tag = request.clientTag
        guard let a = botAccount(request.account, clientTag: tag) else { return }
        let i = Int(request.instrument.rawValue)
        guard i < instrumentCount else { return reject(request, .unknownInstrument) }
        guard request.quantity.lots > 0 else { return reject(request, .invalidQuantity) }
        let mark = markets[i].mark
        var timeInForce = request.timeInForce
        let limit: Int64
        switch request.kind {
        case .limit:
            guard let price = request.price, price.ticks > 0 else { return reject(request, .invalidPrice) }
            guard withinBand(i, price: price.ticks) else { return reject(request, .priceOutsideBand) }
            limit = price.ticks
        case .market:
            guard request.price == nil else { return reject(request, .invalidPrice) }
            guard timeInForce != .postOnly else { return reject(request, .invalidTimeInForce) }
            if timeInForce == .gtc { timeInForce = .ioc }
            limit = bandEdge(i, side: request.side)
        }
        let k = positionIndex(a, i)
        var lots = request.quantity.lots
        if request.reduceOnly {
            let size = positions[k].size
            guard size != 0, (size > 0) != (request.side == .buy) else {
                return reject(request, .reduceOnlyWouldIncrease)
            }
            lots = min(lots, abs(size))
        }
        let rests = timeInForce == .gtc || timeInForce == .postOnly
        if rests, Int(accounts[a].openOrders) >= maxOpenOrdersPerAccount {
            return reject(request, .tooManyOpenOrders)
        }
        let referencePrice = request.kind == .market ? mark : limit
        if !request.reduceOnly, notional(i, ticks: referencePrice, lots: lots) < specs[i].minNotional.units {
            return reject(request, .belowMinNotional)
        }
        if timeInForce == .postOnly, crossesBook(i, side: request.side, limit: limit) {
            return reject(request, .postOnlyWouldTake)
        }
        if timeInForce == .fok, fillableLots(i, side: request.side, limit: limit, upTo: lots, account: a) < lots {
            return reject(request, .fokNotFillable)
        }
        if !request.reduceOnly,
            let reason = admissionProblem(a, i, side: request.side, price: referencePrice, lots: lots)
        {
            return reject(request, reason)
        }
        var accepted = request
        accepted.quantity = Quantity(lots: lots)
        accepted.timeInForce = timeInForce
        _ = submit(
            account: a, instrument: i, side: request.side, limit: limit, lots: lots, timeInForce: timeInForce,
            reduceOnly: request.reduceOnly, clientTag: tag, feeMode: .normal, request: accepted)
    }

    mutating func reject(_ request: OrderRequest, _ reason: RejectReason) {
        pending.append(.orderRejected(account: request.account, clientTag: request.clientTag, reason: reason))
    }

    /// `true` when `price` lies within the instrument's band around mark.
    /// `mutating` although it writes nothing: called from mutating code, a non-mutating method
    /// received a copy of the whole `Exchange` (≈ 400 bytes, `memcpy` per call); an `inout` self
    /// is passed by reference.
    mutating func withinBand(_ i: Int, price: Int64) -> Bool {
        let mark = Int128(markets[i].mark)
        let distance = Int128(abs(price - markets[i].mark)) * Int128(Rate.one.units)
        return distance <= mark * Int128(specs[i].priceBand.units)
    }

    /// The most aggressive price inside the band for `side` (rounded inward onto the grid).
    /// (`mutating`: see `withinBand`.)
    mutating func bandEdge(_ i: Int, side: Side) -> Int64 {
        let mark = markets[i].mark
        let offset = WideMath.mulDiv(mark, specs[i].priceBand.units, Rate.one.units, .down)
        return side == .buy ? mark + offset : max(1, mark - offset)
    }

    /// `true` when a limit order at `limit` would trade on arrival. (`mutating`: see `withinBand`.)
    mutating func crossesBook(_ i: Int, side: Side, limit: Int64) -> Bool {
        if side == .buy {
            guard let ask = books[i].bestAsk else { return false }
            return ask <= limit
        }
        guard let bid = books[i].bestBid else { return false }
        return bid >= limit
    }

    /// Lots an incoming order could fill now (stopping at a self-trade, as STP would).
    func fillableLots(_ i: Int, side: Side, limit: Int64, upTo wanted: Int64, account: Int) -> Int64 {
        let levels = side == .buy ? books[i].asks.levels : books[i].bids.levels
        let group = accounts[account].selfTradeGroup
        var total: Int64 = 0
        var index = levels.count - 1
        while index >= 0, total < wanted {
            let level = levels[index]
            let price = side == .buy ? -level.key : level.key
            if side == .buy ? price > limit : price < limit { break }
            for entry in level.queue {
                let order = orders[Int(entry.slot)]
                guard order.id == entry.id, order.live else { continue }
                if order.account == UInt32(account)
                    || (group != 0 && accounts[Int(order.account)].selfTradeGroup == group)
                {
                    return total
                }
                total += order.remaining
                if total >= wanted { return total }
            }
            index -= 1
        }
        return total
    }

    /// Enters an accepted order: emits `orderAccepted`, matches, then rests or cancels the rest.
    /// Returns the order id and the lots filled.
    @discardableResult
    mutating func submit(
        account a: Int, instrument i: Int, side: Side, limit: Int64, lots: Int64, timeInForce: TimeInForce,
        reduceOnly: Bool, clientTag: UInt64, feeMode: FeeMode, request: OrderRequest
    ) -> (id: UInt64, filled: Int64) {
        let id = nextOrderID
        nextOrderID += 1
        pending.append(.orderAccepted(order: OrderID(id), request: request))
        var remaining = lots
        let stop = match(
            i, account: a, order: id, side: side, limit: limit, remaining: &remaining, feeMode: feeMode)
        let selfTrade = stop == .selfTrade
        let filled = lots - remaining
        if remaining > 0 {
            let k = positionIndex(a, i)
            var restable = (timeInForce == .gtc || timeInForce == .postOnly) && stop == .none
            if reduceOnly {
                let size = positions[k].size
                if size == 0 || (size > 0) == (side == .buy) { restable = false }
                remaining = min(remaining, abs(size))
            }
            if restable, remaining > 0 {
                rest(
                    account: a, instrument: i, id: id, side: side, price: limit, lots: remaining,
                    timeInForce: timeInForce, reduceOnly: reduceOnly, clientTag: clientTag)
            } else {
                let rests = timeInForce == .gtc || timeInForce == .postOnly
                let reason: CancelReason =
                    selfTrade
                    ? .selfTradePrevention
                    : stop == .margin
                        ? .insufficientMargin : (reduceOnly && rests ? .reduceOnlyInvalidated : .immediateOrCancel)
                pending.append(
                    .orderCancelled(
                        account: AccountID(UInt32(a)), instrument: InstrumentID(UInt16(i)), order: OrderID(id),
                        clientTag: clientTag, remaining: Quantity(lots: lots - filled), reason: reason))
            }
        }
        return (id, filled)
    }

}
