import MarketModel

/// What a signed fill of `delta` lots worth `value` does to a position, computed without touching
/// the exchange: the one place of this arithmetic, used by `Exchange.applyFill` (which then moves
/// the money through the ledger) and by the isolated-solvency check (which must predict exactly
/// what `applyFill` would do before the fill happens).
///
/// Increasing fills add to the entry value (average entry = value / size). Reducing fills leave
/// the average unchanged: the removed entry value is pro rata, rounded so that the realised PnL
/// rounds against the trader; the cash flow (`value`) itself is exact. A fill larger than the
/// position closes it and opens the rest at the fill price.
struct FillArithmetic {
    /// The position after the fill (size, entry value and cumulative realised PnL updated).
    var position: PositionState
    /// Lots of the old position closed (0 for an increasing fill).
    var closed: Int64 = 0
    /// The old position's size in lots, unsigned.
    var magnitude: Int64
    /// PnL realised by the closed lots.
    var realized: Int64 = 0
    /// Entry value of exposure newly opened by the fill (0 when it only reduces).
    var opened: Int64 = 0

    init(_ before: PositionState, delta: Int64, value: Int64) {
        var position = before
        let size = before.size
        magnitude = abs(size)
        if size == 0 || (size > 0) == (delta > 0) {
            position.size += delta
            position.entryValue += value
            opened = value
        } else {
            let lots = abs(delta)
            closed = min(lots, magnitude)
            let closeValue = closed == lots ? value : WideMath.mulDiv(value, closed, lots, .towardZero)
            let removed =
                closed == magnitude
                ? position.entryValue : WideMath.mulDiv(position.entryValue, closed, magnitude, size > 0 ? .up : .down)
            realized = size > 0 ? closeValue - removed : removed - closeValue
            position.entryValue -= removed
            position.realized += realized
            let rest = lots - closed
            if rest > 0 {
                position.size = delta > 0 ? rest : -rest
                position.entryValue = value - closeValue
                opened = position.entryValue
            } else {
                position.size = size + (delta > 0 ? closed : -closed)
            }
        }
        self.position = position
    }

    /// Initial margin an isolated position at `leverage` locks for `value` of new exposure.
    static func isolatedMargin(for value: Int64, leverage: Int64) -> Int64 {
        WideMath.mulDiv(value, 1, leverage, .up)
    }
}
