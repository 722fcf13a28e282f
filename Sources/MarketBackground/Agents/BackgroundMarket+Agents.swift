import MarketModel

extension BackgroundMarket {
    /// Market maker: a ladder around the fundamental, half-spread widened by recent moves,
    /// skewed by inventory, one side withdrawn at the inventory limit. Only changed levels are
    /// cancelled and replaced.
    mutating func runMaker<Desk: HouseDesk>(_ m: Int, on desk: inout Desk) {
        let state = agents.makers[m]
        let p = state.parameters
        guard p.requoteIntervalTicks > 0, (desk.tick + state.phase) % p.requoteIntervalTicks == 0 else { return }
        let i = state.instrument
        let fundamental = processes[i].currentTicks
        let move = state.lastFundamental == 0 ? 0 : Double(abs(fundamental - state.lastFundamental))
        agents.makers[m].moveAverage = 0.9 * state.moveAverage + 0.1 * move
        agents.makers[m].lastFundamental = fundamental
        let volume = desk.tradedLots(i)
        let volumeDelta = volume - state.lastVolume
        agents.makers[m].lastVolume = volume
        let levels = max(1, p.levels)
        let lots = min(p.lotsPerLevel * 4, p.lotsPerLevel + volumeDelta / 40 / Int64(levels))
        // Everything is snapped to the level spacing so small moves shift the ladder by whole
        // levels (one cancel and one new order per side) instead of replacing it.
        let spacing = max(1, p.spacingTicks)
        let rawHalf =
            fundamental * p.halfSpreadBps / 10_000
            + DeterministicMath.roundToInteger(2 * agents.makers[m].moveAverage)
        let half = max(1, (rawHalf + spacing - 1) / spacing) * spacing
        let inventory = desk.positionLots(account: state.account, instrument: i)
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
            guard desk.isResting(quote.order) else { continue }
            if let match = desired.firstIndex(where: { $0.side == quote.side && $0.price == quote.price }) {
                desired.remove(at: match)
                kept.append(quote)
            } else {
                desk.cancelHouseOrder(quote.order)
            }
        }
        for quote in desired {
            let order = desk.placeHouseLimitOrder(
                account: state.account, instrument: i, side: quote.side, price: quote.price, lots: lots,
                timeInForce: .gtc)
            if desk.isResting(order) {
                kept.append(Quote(order: order, side: quote.side, price: quote.price))
            }
        }
        agents.makers[m].quotes = kept
    }

    /// Noise trader: Poisson arrival, fair coin side, log-normal size, market order.
    mutating func runNoise<Desk: HouseDesk>(_ n: Int, on desk: inout Desk) {
        let p = agents.noise[n].parameters
        guard agents.noise[n].generator.chance(p.arrivalPerTick) else { return }
        let i = agents.noise[n].instrument
        let a = agents.noise[n].account
        var side: Side = agents.noise[n].generator.next() & 1 == 0 ? .buy : .sell
        let inventory = desk.positionLots(account: a, instrument: i)
        if inventory >= p.inventoryLimitLots { side = .sell }
        if inventory <= -p.inventoryLimitLots { side = .buy }
        let z = agents.noise[n].generator.gaussian()
        let size = Double(max(1, p.medianLots)) * DeterministicMath.exp(Double(p.sizeSigma) / 1e8 * z)
        let lots = min(max(1, DeterministicMath.roundToInteger(size)), 50 * max(1, p.medianLots))
        desk.placeHouseMarketOrder(account: a, instrument: i, side: side, lots: lots)
    }

    /// Value agent: noisy view of the fundamental against the mid; 10 % aggressive at the touch,
    /// otherwise a passive order behind the touch that expires.
    mutating func runValue<Desk: HouseDesk>(_ v: Int, on desk: inout Desk) {
        let state = agents.value[v]
        let i = state.instrument
        let a = state.account
        var stillResting: [(order: UInt64, expires: Int64)] = []
        for entry in state.resting {
            guard desk.isResting(entry.order) else { continue }
            if entry.expires <= desk.tick {
                desk.cancelHouseOrder(entry.order)
            } else {
                stillResting.append(entry)
            }
        }
        agents.value[v].resting = stillResting
        let p = state.parameters
        guard agents.value[v].generator.chance(p.arrivalPerTick) else { return }
        let fundamental = processes[i].currentTicks
        let noise = agents.value[v].generator.gaussian() * Double(p.observationNoiseBps) / 10_000
        let estimate = Double(fundamental) * (1 + noise)
        let bid = desk.bestBid(i)
        let ask = desk.bestAsk(i)
        var mid = Double(fundamental)
        if let bid, let ask { mid = Double(bid + ask) / 2 }
        var side: Side = estimate >= mid ? .buy : .sell
        let inventory = desk.positionLots(account: a, instrument: i)
        if inventory >= p.inventoryLimitLots { side = .sell }
        if inventory <= -p.inventoryLimitLots { side = .buy }
        if agents.value[v].generator.chance(p.aggressiveProbability) {
            let touch = side == .buy ? ask : bid
            guard let touch else { return }
            _ = desk.placeHouseLimitOrder(
                account: a, instrument: i, side: side, price: touch, lots: max(1, p.lots), timeInForce: .ioc)
            return
        }
        let behind = agents.value[v].generator.upTo(p.depthTicks)
        let anchor = side == .buy ? (bid ?? fundamental - 1) : (ask ?? fundamental + 1)
        let price = side == .buy ? anchor - behind : anchor + behind
        guard price >= 1 else { return }
        let order = desk.placeHouseLimitOrder(
            account: a, instrument: i, side: side, price: price, lots: max(1, p.lots), timeInForce: .gtc)
        if desk.isResting(order) {
            agents.value[v].resting.append((order, desk.tick + max(1, p.orderLifetimeTicks)))
        }
    }
}
