import MarketModel

extension Exchange {
    /// Runs every background agent once, in a fixed order (makers, noise, value).
    mutating func runBackground() {
        for m in agents.makers.indices { runMaker(m) }
        for n in agents.noise.indices { runNoise(n) }
        for v in agents.value.indices { runValue(v) }
    }

    /// Places a house order (no band or margin checks; inventory limits are the agent's job).
    @discardableResult
    mutating func houseOrder(
        _ a: Int, _ i: Int, side: Side, kind: OrderKind, limit: Int64, lots: Int64, timeInForce: TimeInForce
    ) -> (id: UInt64, filled: Int64) {
        let request = OrderRequest(
            account: AccountID(UInt32(a)), instrument: InstrumentID(UInt16(i)), side: side, kind: kind,
            price: kind == .market ? nil : Price(ticks: limit), quantity: Quantity(lots: lots),
            timeInForce: timeInForce)
        return submit(
            account: a, instrument: i, side: side, limit: limit, lots: lots, timeInForce: timeInForce,
            reduceOnly: false, clientTag: 0, feeMode: .normal, request: request)
    }

    /// Market maker: a ladder around the fundamental, half-spread widened by recent moves,
    /// skewed by inventory, one side withdrawn at the inventory limit. Only changed levels are
    /// cancelled and replaced.
    mutating func runMaker(_ m: Int) {
        let state = agents.makers[m]
        let p = state.parameters
        guard p.requoteIntervalTicks > 0, (tick + state.phase) % p.requoteIntervalTicks == 0 else { return }
        let i = state.instrument
        let fundamental = markets[i].index
        let move = state.lastFundamental == 0 ? 0 : Double(abs(fundamental - state.lastFundamental))
        agents.makers[m].moveAverage = 0.9 * state.moveAverage + 0.1 * move
        agents.makers[m].lastFundamental = fundamental
        let volumeDelta = markets[i].volume - state.lastVolume
        agents.makers[m].lastVolume = markets[i].volume
        let levels = max(1, p.levels)
        let lots = min(p.lotsPerLevel * 4, p.lotsPerLevel + volumeDelta / 40 / Int64(levels))
        // Everything is snapped to the level spacing so small moves shift the ladder by whole
        // levels (one cancel and one new order per side) instead of replacing it.
        let spacing = max(1, p.spacingTicks)
        let rawHalf =
            fundamental * p.halfSpreadBps / 10_000
            + DeterministicMath.roundToInteger(2 * agents.makers[m].moveAverage)
        let half = max(1, (rawHalf + spacing - 1) / spacing) * spacing
        let inventory = positions[positionIndex(state.account, i)].size
        let limit = max(1, p.inventoryLimitLots)
        let skew = WideMath.mulDiv(inventory, 4, limit, .towardZero) * spacing
        let anchor = fundamental / spacing * spacing
        var desired: [Quote] = []
        for level in 0..<levels {
            let offset = Int64(level) * spacing
            if inventory < limit { desired.append(Quote(order: 0, side: .buy, price: anchor - half - skew - offset)) }
            if inventory > -limit { desired.append(Quote(order: 0, side: .sell, price: anchor + half - skew + offset)) }
        }
        desired.removeAll { $0.price < 1 }
        var kept: [Quote] = []
        for quote in state.quotes {
            guard let slot = orderIndex[quote.order] else { continue }
            if let match = desired.firstIndex(where: { $0.side == quote.side && $0.price == quote.price }) {
                desired.remove(at: match)
                kept.append(quote)
            } else {
                removeResting(slot: Int(slot), reason: .requested)
            }
        }
        for quote in desired {
            let result = houseOrder(
                state.account, i, side: quote.side, kind: .limit, limit: quote.price, lots: lots,
                timeInForce: .gtc)
            if orderIndex[result.id] != nil {
                kept.append(Quote(order: result.id, side: quote.side, price: quote.price))
            }
        }
        agents.makers[m].quotes = kept
    }

    /// Noise trader: Poisson arrival, fair coin side, log-normal size, market order.
    mutating func runNoise(_ n: Int) {
        let p = agents.noise[n].parameters
        guard agents.noise[n].generator.chance(p.arrivalPerTick) else { return }
        let i = agents.noise[n].instrument
        let a = agents.noise[n].account
        var side: Side = agents.noise[n].generator.next() & 1 == 0 ? .buy : .sell
        let inventory = positions[positionIndex(a, i)].size
        if inventory >= p.inventoryLimitLots { side = .sell }
        if inventory <= -p.inventoryLimitLots { side = .buy }
        let z = agents.noise[n].generator.gaussian()
        let size = Double(max(1, p.medianLots)) * DeterministicMath.exp(Double(p.sizeSigma) / 1e8 * z)
        let lots = min(max(1, DeterministicMath.roundToInteger(size)), 50 * max(1, p.medianLots))
        houseOrder(a, i, side: side, kind: .market, limit: bandEdge(i, side: side), lots: lots, timeInForce: .ioc)
    }

    /// Value agent: noisy view of the fundamental against the mid; 10 % aggressive at the touch,
    /// otherwise a passive order behind the touch that expires.
    mutating func runValue(_ v: Int) {
        let state = agents.value[v]
        let i = state.instrument
        let a = state.account
        var stillResting: [(order: UInt64, expires: Int64)] = []
        for entry in state.resting {
            guard let slot = orderIndex[entry.order] else { continue }
            if entry.expires <= tick {
                removeResting(slot: Int(slot), reason: .requested)
            } else {
                stillResting.append(entry)
            }
        }
        agents.value[v].resting = stillResting
        let p = state.parameters
        guard agents.value[v].generator.chance(p.arrivalPerTick) else { return }
        let fundamental = markets[i].index
        let noise = agents.value[v].generator.gaussian() * Double(p.observationNoiseBps) / 10_000
        let estimate = Double(fundamental) * (1 + noise)
        let bid = books[i].bestBid
        let ask = books[i].bestAsk
        var mid = Double(fundamental)
        if let bid, let ask { mid = Double(bid + ask) / 2 }
        var side: Side = estimate >= mid ? .buy : .sell
        let inventory = positions[positionIndex(a, i)].size
        if inventory >= p.inventoryLimitLots { side = .sell }
        if inventory <= -p.inventoryLimitLots { side = .buy }
        if agents.value[v].generator.chance(p.aggressiveProbability) {
            let touch = side == .buy ? ask : bid
            guard let touch else { return }
            houseOrder(a, i, side: side, kind: .limit, limit: touch, lots: max(1, p.lots), timeInForce: .ioc)
            return
        }
        let behind = agents.value[v].generator.upTo(p.depthTicks)
        let anchor = side == .buy ? (bid ?? fundamental - 1) : (ask ?? fundamental + 1)
        let price = side == .buy ? anchor - behind : anchor + behind
        guard price >= 1 else { return }
        let result = houseOrder(a, i, side: side, kind: .limit, limit: price, lots: max(1, p.lots), timeInForce: .gtc)
        if orderIndex[result.id] != nil {
            agents.value[v].resting.append((result.id, tick + max(1, p.orderLifetimeTicks)))
        }
    }
}
