import MarketModel

/// Solvency of fills on isolated positions: a bot's fill may not leave its isolated position
/// with negative equity at mark (isolated margin + uPnL), or, when it already is negative, make
/// it more negative. Without this an isolated position could be opened beyond its bankruptcy
/// price (a 50x buy 4.8 % above mark passes the account-wide rule when the cross wallet is
/// large) and its liquidation on the next tick would hand the counterparty's gain to the
/// insurance fund: two teams could drain the fund, and then push the loss onto ADL.
extension Exchange {
    /// Isolated margin + uPnL at mark of account `a`'s position on `i` after a fill of `lots` on
    /// `side` at `price`: exactly what `applyFill` would leave (``FillArithmetic`` and
    /// `Ledger.isolatedSettlement`), without changing anything. A full close leaves nothing in
    /// the position (any deficit goes to the wallet, which the account-wide rule covers).
    func isolatedEquityAfterFill(_ a: Int, _ i: Int, side: Side, price: Int64, lots: Int64) -> Int64 {
        let k = positionIndex(a, i)
        let fill = FillArithmetic(positions[k], delta: side.sign * lots, value: notional(i, ticks: price, lots: lots))
        var margin = ledger.isolatedMargins[k]
        if fill.closed > 0 {
            margin =
                Ledger.isolatedSettlement(
                    margin: margin, realized: fill.realized, closed: fill.closed, of: fill.magnitude
                )
                .kept
        }
        margin += FillArithmetic.isolatedMargin(for: fill.opened, leverage: fill.position.leverage)
        return margin + unrealized(fill.position, i)
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
