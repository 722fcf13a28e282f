import MarketModel

/// Solvency of fills on isolated positions: a bot's fill may not leave its isolated position
/// with negative equity at mark (isolated margin + uPnL), or, when it already is negative, make
/// it more negative. Without this an isolated position could be opened beyond its bankruptcy
/// price (a 50x buy 4.8 % above mark passes the account-wide rule when the cross wallet is
/// large) and its liquidation on the next tick would hand the counterparty's gain to the
/// insurance fund: two teams could drain the fund, and then push the loss onto ADL.
extension Exchange {
    /// Isolated margin + uPnL at mark of account `a`'s position on `i` after a fill of `lots` on
    /// `side` at `price`: the arithmetic of `applyFill` and `Ledger.settleIsolated`, without
    /// changing anything. A full close leaves nothing in the position (any deficit goes to the
    /// wallet, which the account-wide rule covers).
    func isolatedEquityAfterFill(_ a: Int, _ i: Int, side: Side, price: Int64, lots: Int64) -> Int64 {
        let k = positionIndex(a, i)
        var position = positions[k]
        var margin = ledger.isolatedMargins[k]
        let delta = side.sign * lots
        let value = notional(i, ticks: price, lots: lots)
        let size = position.size
        if size == 0 || (size > 0) == (delta > 0) {
            position.size += delta
            position.entryValue += value
            margin += WideMath.mulDiv(value, 1, position.leverage, .up)
        } else {
            let magnitude = abs(size)
            let closed = min(lots, magnitude)
            let closeValue = closed == lots ? value : WideMath.mulDiv(value, closed, lots, .towardZero)
            let removed =
                closed == magnitude
                ? position.entryValue : WideMath.mulDiv(position.entryValue, closed, magnitude, size > 0 ? .up : .down)
            let settled = margin + (size > 0 ? closeValue - removed : removed - closeValue)
            let release =
                closed == magnitude
                ? settled : (settled > 0 ? WideMath.mulDiv(settled, closed, magnitude, .down) : 0)
            margin = settled - release
            position.entryValue -= removed
            let opened = lots - closed
            if opened > 0 {
                position.size = delta > 0 ? opened : -opened
                position.entryValue = value - closeValue
                margin += WideMath.mulDiv(position.entryValue, 1, position.leverage, .up)
            } else {
                position.size = size + (delta > 0 ? closed : -closed)
            }
        }
        return margin + unrealized(position, i)
    }

    /// Most lots, up to `wanted`, account `a` can trade at `price` on `side` without its isolated
    /// position on `i` ending below zero equity at mark (or below its current equity when that is
    /// already negative). Only called for adverse fills (price worse than mark, or a fee).
    func isolatedSolventLots(_ a: Int, _ i: Int, side: Side, price: Int64, wanted: Int64) -> Int64 {
        let k = positionIndex(a, i)
        let bound = min(0, ledger.isolatedMargins[k] + unrealized(positions[k], i))
        if isolatedEquityAfterFill(a, i, side: side, price: price, lots: wanted) >= bound { return wanted }
        // Equity falls with each adverse lot: the largest count that keeps it at the bound.
        var low: Int64 = 0
        var high = wanted
        while high - low > 1 {
            let middle = low + (high - low) / 2
            if isolatedEquityAfterFill(a, i, side: side, price: price, lots: middle) >= bound {
                low = middle
            } else {
                high = middle
            }
        }
        return low
    }
}
