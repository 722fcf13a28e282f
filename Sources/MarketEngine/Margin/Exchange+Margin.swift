import MarketModel

extension Exchange {
    /// Signed money value of a position at `ticks` (long positive).
    @inline(__always) func signedValue(_ i: Int, size: Int64, ticks: Int64) -> Int64 {
        notional(i, ticks: ticks, lots: size)
    }

    /// Unrealised PnL of a position at the current mark: `size × mark − signed entry value`.
    @inline(__always) func unrealized(_ position: PositionState, _ i: Int) -> Int64 {
        position.size == 0 ? 0 : signedValue(i, size: position.size, ticks: markets[i].mark) - position.signedEntryValue
    }

    /// The maintenance tier whose cap covers `notional` (the last tier beyond the table).
    func tier(_ i: Int, notional: Int64) -> MarginTier {
        let tiers = specs[i].marginTiers
        for tier in tiers where notional <= tier.notionalCap.units { return tier }
        return tiers[tiers.count - 1]
    }

    /// Highest leverage allowed at `notional`; 0 above the last tier's cap.
    func tierMaxLeverage(_ i: Int, notional: Int64) -> Int64 {
        let tiers = specs[i].marginTiers
        for tier in tiers where notional <= tier.notionalCap.units {
            return min(tier.maxLeverage, specs[i].maxLeverage)
        }
        return 0
    }

    /// Maintenance margin `notional × MMR − cum`, rounded up, never negative.
    func maintenance(_ i: Int, notional: Int64) -> Int64 {
        guard notional > 0 else { return 0 }
        let tier = tier(i, notional: notional)
        return max(
            0, WideMath.mulDiv(notional, tier.maintenanceRate.units, Rate.one.units, .up) - tier.maintenanceAmount.units
        )
    }

    /// Maintenance margin of a position at mark.
    @inline(__always) func maintenance(_ position: PositionState, _ i: Int) -> Int64 {
        position.size == 0
            ? 0 : maintenance(i, notional: abs(signedValue(i, size: position.size, ticks: markets[i].mark)))
    }

    /// Worst-case notional if all resting buys, or all resting sells, filled:
    /// `max(|size·mark + buys|, |size·mark − sells|)` (orders valued at their limit prices).
    func exposureNotional(_ position: PositionState, instrument i: Int) -> Int64 {
        let value = signedValue(i, size: position.size, ticks: markets[i].mark)
        return max(abs(value + position.bidNotional), abs(value - position.askNotional))
    }

    /// Initial margin of a position and its orders: exposure / leverage, rounded up.
    @inline(__always) func initialMargin(_ position: PositionState, instrument i: Int) -> Int64 {
        let exposure = exposureNotional(position, instrument: i)
        return exposure == 0 ? 0 : WideMath.mulDiv(exposure, 1, position.leverage, .up)
    }

    /// Cross equity (wallet + cross uPnL) and the initial margin the cross wallet must carry:
    /// cross positions' IM plus any isolated IM not yet covered by isolated margin.
    /// `overriding` substitutes one position (what-if for admission).
    func crossEquityAndRequirement(_ a: Int, overriding: (Int, PositionState)?) -> (equity: Int64, required: Int64) {
        var equity = ledger.wallets[a]
        var required: Int64 = 0
        let base = positionIndex(a, 0)
        for i in 0..<instrumentCount {
            let k = base + i
            var position = positions[k]
            if let (index, replacement) = overriding, index == k { position = replacement }
            let im = initialMargin(position, instrument: i)
            if position.isolated {
                required += max(0, im - ledger.isolatedMargins[k])
            } else {
                equity += unrealized(position, i)
                required += im
            }
        }
        return (equity, required)
    }

    /// Initial-margin admission of a new order (counting open orders); `nil` when accepted.
    func admissionProblem(_ a: Int, _ i: Int, side: Side, price: Int64, lots: Int64) -> RejectReason? {
        guard accounts[a].kind == .bot else { return nil }
        let k = positionIndex(a, i)
        var candidate = positions[k]
        let value = notional(i, ticks: price, lots: lots)
        if side == .buy { candidate.bidNotional += value } else { candidate.askNotional += value }
        let before = initialMargin(positions[k], instrument: i)
        let exposure = exposureNotional(candidate, instrument: i)
        let after = WideMath.mulDiv(exposure, 1, candidate.leverage, .up)
        // An order that does not raise the margin requirement is always admitted.
        guard after > before else { return nil }
        if tierMaxLeverage(i, notional: exposure) < candidate.leverage { return .leverageExceedsTier }
        let (equity, required) = crossEquityAndRequirement(a, overriding: (k, candidate))
        if required > equity { return .insufficientMargin }
        return nil
    }
}
