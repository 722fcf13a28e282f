import MarketModel

extension Exchange {
    /// Applies a signed fill of `delta` lots worth `value` to a position (``FillArithmetic``; the
    /// cash flow is exact, so money is conserved to the unit). Isolated positions move margin
    /// between wallet and position and settle their realised PnL in their own margin.
    mutating func applyFill(account a: Int, instrument i: Int, delta: Int64, value: Int64)
        -> (closed: Int64, realized: Int64)
    {
        let k = positionIndex(a, i)
        let size = positions[k].size
        let fill = FillArithmetic(positions[k], delta: delta, value: value)
        let position = fill.position
        if fill.closed > 0 {
            if position.isolated {
                ledger.settleIsolated(a, k, realized: fill.realized, closed: fill.closed, of: fill.magnitude)
            } else {
                ledger.realize(a, fill.realized)
            }
        }
        if fill.opened != 0, position.isolated, accounts[a].kind == .bot {
            ledger.lockIsolated(a, k, FillArithmetic.isolatedMargin(for: fill.opened, leverage: position.leverage))
        }
        if (size == 0) != (position.size == 0) { accounts[a].openPositions += size == 0 ? 1 : -1 }
        openInterest[i] += max(0, position.size) - max(0, size)
        positions[k] = position
        return (fill.closed, fill.realized)
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
