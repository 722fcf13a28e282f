import MarketModel

extension Exchange {
    /// Applies a signed fill of `delta` lots worth `value` to a position.
    ///
    /// Increasing fills add to the entry value (average entry = value / size). Reducing fills
    /// leave the average unchanged: the removed entry value is pro rata, rounded so that the
    /// realised PnL rounds against the trader; the cash flow (`value`) itself is exact, so money
    /// is conserved to the unit. A fill larger than the position closes it and opens the rest
    /// at the fill price. Isolated positions move margin between wallet and position and settle
    /// their realised PnL in their own margin.
    mutating func applyFill(account a: Int, instrument i: Int, delta: Int64, value: Int64)
        -> (closed: Int64, realized: Int64)
    {
        let k = positionIndex(a, i)
        var position = positions[k]
        let size = position.size
        var closed: Int64 = 0
        var realized: Int64 = 0
        if size == 0 || (size > 0) == (delta > 0) {
            position.size += delta
            position.entryValue += value
            if position.isolated, accounts[a].kind == .bot { allocateIsolated(position, a, k, value) }
        } else {
            let magnitude = abs(size)
            let lots = abs(delta)
            closed = min(lots, magnitude)
            let closeValue = closed == lots ? value : WideMath.mulDiv(value, closed, lots, .towardZero)
            let removed: Int64
            if closed == magnitude {
                removed = position.entryValue
            } else {
                removed = WideMath.mulDiv(position.entryValue, closed, magnitude, size > 0 ? .up : .down)
            }
            realized = size > 0 ? closeValue - removed : removed - closeValue
            position.entryValue -= removed
            position.realized += realized
            if position.isolated {
                ledger.settleIsolated(a, k, realized: realized, closed: closed, of: magnitude)
            } else {
                ledger.realize(a, realized)
            }
            let opened = lots - closed
            if opened > 0 {
                position.size = delta > 0 ? opened : -opened
                position.entryValue = value - closeValue
                if position.isolated, accounts[a].kind == .bot {
                    allocateIsolated(position, a, k, position.entryValue)
                }
            } else {
                position.size = size + (delta > 0 ? closed : -closed)
            }
        }
        if (size == 0) != (position.size == 0) { accounts[a].openPositions += size == 0 ? 1 : -1 }
        openInterest[i] += max(0, position.size) - max(0, size)
        positions[k] = position
        return (closed, realized)
    }

    /// Moves initial margin for `value` of new exposure from the wallet into an isolated position.
    private mutating func allocateIsolated(_ position: PositionState, _ a: Int, _ k: Int, _ value: Int64) {
        ledger.lockIsolated(a, k, WideMath.mulDiv(value, 1, position.leverage, .up))
    }

    /// Moves `lots` of account `from`'s position to account `to` off-book at `price`, without fees
    /// (insurance-fund takeover and ADL). `from` reduces; `to` takes the same direction.
    mutating func transfer(from: Int, to: Int, instrument i: Int, lots: Int64, price: Int64) {
        let size = positions[positionIndex(from, i)].size
        let direction: Int64 = size > 0 ? 1 : -1
        let value = notional(i, ticks: price, lots: lots)
        let out = applyFill(account: from, instrument: i, delta: -direction * lots, value: value)
        let into = applyFill(account: to, instrument: i, delta: direction * lots, value: value)
        if out.closed > 0 { emitRealized(from, i, out.realized) }
        if into.closed > 0 { emitRealized(to, i, into.realized) }
        validateReduceOnly(account: from, instrument: i)
        validateReduceOnly(account: to, instrument: i)
    }
}
