import MarketModel

extension BackgroundMarket {
    /// Depth provider: every `refillTicks`, re-centres its decaying ladder on the fundamental
    /// (anchor snapped to the level spacing, so a move shifts whole levels), cancels levels that
    /// left the ladder and tops every level back up to its profile size. Integer arithmetic only.
    mutating func runDepth<Desk: HouseDesk>(_ d: Int, on desk: inout Desk) {
        let state = agents.depth[d]
        let profile = state.profile
        guard profile.refillTicks > 0, desk.tick % profile.refillTicks == 0 else { return }
        let i = state.instrument
        let fundamental = processes[i].currentTicks
        let anchor = fundamental / state.spacingTicks * state.spacingTicks
        let inventory = desk.positionLots(account: state.account, instrument: i)
        let limit = max(1, profile.inventoryLimitLots)
        var desired: [(quote: Quote, lots: Int64)] = []
        for (k, lots) in state.sizes.enumerated() {
            let offset = state.firstTicks + Int64(k) * state.spacingTicks
            if inventory < limit, anchor - offset >= 1 {
                desired.append((Quote(order: 0, side: .buy, price: anchor - offset), lots))
            }
            if inventory > -limit { desired.append((Quote(order: 0, side: .sell, price: anchor + offset), lots)) }
        }
        // Keep resting orders at desired prices; cancel the others; top every level back up to
        // its profile size (a partly taken level gets a new order for the difference).
        var resting: [Int64] = Array(repeating: 0, count: desired.count)
        var kept: [Quote] = []
        for quote in state.quotes {
            let lots = desk.restingLots(quote.order)
            guard lots > 0 else { continue }
            if let match = desired.firstIndex(where: { $0.quote.side == quote.side && $0.quote.price == quote.price }) {
                resting[match] += lots
                kept.append(quote)
            } else {
                desk.cancelHouseOrder(quote.order)
            }
        }
        for (index, (quote, lots)) in desired.enumerated() where resting[index] < lots {
            let order = desk.placeHouseLimitOrder(
                account: state.account, instrument: i, side: quote.side, price: quote.price,
                lots: lots - resting[index], timeInForce: .gtc)
            if desk.isResting(order) { kept.append(Quote(order: order, side: quote.side, price: quote.price)) }
        }
        agents.depth[d].quotes = kept
    }
}
