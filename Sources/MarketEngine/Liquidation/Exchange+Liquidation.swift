import MarketModel

extension Exchange {
    /// Solves `WB − TMM1 + UPNL1 + cum + side·Q·(P − EP) = Q·P·MMR` for P (Binance §7.1) in ticks,
    /// rounded against the trader (long up, short down). `nil` when P ≤ 0.
    /// Also returns the unrounded value as a rational (numerator, denominator) in ticks.
    func solvePrice(_ i: Int, position: PositionState, walletTerm: Int64, mmr: Int64, cum: Int64)
        -> (ticks: Int64?, numerator: Int128, denominator: Int128)
    {
        let spec = specs[i]
        let side = Int128(position.sign)
        let lots = Int128(abs(position.size))
        let numeratorMoney = Int128(walletTerm) + Int128(cum) - side * Int128(position.entryValue)
        let numerator = numeratorMoney * Int128(spec.lotsPerCoin) * Int128(Rate.one.units)
        let denominator = lots * (Int128(mmr) - side * Int128(Rate.one.units)) * Int128(spec.tickSize.units)
        guard denominator != 0 else { return (nil, numerator, 1) }
        let rounded = WideMath.divide(numerator, denominator, position.size > 0 ? .up : .down)
        return (rounded > 0 ? WideMath.clamp(rounded) : nil, numerator, denominator)
    }

    /// Wallet term of a position's price formula: isolated margin, or the cross wallet plus the
    /// other cross positions' uPnL, minus (when `maintenance`) their maintenance margin.
    func walletTerm(_ a: Int, _ i: Int, maintenance: Bool) -> Int64 {
        let k = positionIndex(a, i)
        if positions[k].isolated { return ledger.isolatedMargins[k] }
        var term = ledger.wallets[a]
        for j in 0..<instrumentCount where j != i {
            let other = positions[positionIndex(a, j)]
            guard !other.isolated, other.size != 0 else { continue }
            term += unrealized(other, j)
            if maintenance { term -= self.maintenance(other, j) }
        }
        return term
    }

    /// Liquidation price in ticks (tier chosen at the liquidation price itself), rounded against
    /// the trader, with its exact rational value; `nil` price when it cannot be liquidated.
    func liquidationPrice(_ a: Int, _ i: Int) -> (ticks: Int64?, numerator: Int128, denominator: Int128)? {
        let position = positions[positionIndex(a, i)]
        guard position.size != 0 else { return nil }
        let term = walletTerm(a, i, maintenance: true)
        var tier = self.tier(i, notional: abs(signedValue(i, size: position.size, ticks: markets[i].mark)))
        var result = solvePrice(
            i, position: position, walletTerm: term, mmr: tier.maintenanceRate.units,
            cum: tier.maintenanceAmount.units)
        for _ in 0..<specs[i].marginTiers.count {
            guard let ticks = result.ticks else { break }
            let atLiquidation = self.tier(i, notional: abs(signedValue(i, size: position.size, ticks: ticks)))
            if atLiquidation == tier { break }
            tier = atLiquidation
            result = solvePrice(
                i, position: position, walletTerm: term, mmr: tier.maintenanceRate.units,
                cum: tier.maintenanceAmount.units)
        }
        return result
    }

    /// Bankruptcy price in ticks (equity zero, others at mark), rounded against the trader.
    func bankruptcyPrice(_ a: Int, _ i: Int) -> (ticks: Int64?, numerator: Int128, denominator: Int128)? {
        let position = positions[positionIndex(a, i)]
        guard position.size != 0 else { return nil }
        return solvePrice(i, position: position, walletTerm: walletTerm(a, i, maintenance: false), mmr: 0, cum: 0)
    }

    /// `true` when the mark has reached the position's published liquidation price.
    func markCrossed(_ a: Int, _ i: Int) -> Bool {
        guard let liquidation = liquidationPrice(a, i), let ticks = liquidation.ticks else { return false }
        let mark = markets[i].mark
        return positions[positionIndex(a, i)].size > 0 ? mark <= ticks : mark >= ticks
    }

    /// Checks every bot account on mark and liquidates those below maintenance.
    mutating func runLiquidations() {
        for a in 0..<accounts.count where accounts[a].kind == .bot && accounts[a].openPositions > 0 {
            // Isolated positions, each on its own margin.
            for i in 0..<instrumentCount {
                let position = positions[positionIndex(a, i)]
                guard position.isolated, position.size != 0 else { continue }
                let equity = ledger.isolatedMargins[positionIndex(a, i)] + unrealized(position, i)
                if equity <= maintenance(position, i) || markCrossed(a, i) { liquidate(a, i) }
            }
            // Cross positions, largest notional first, until the account is compliant.
            while crossTriggered(a) {
                var pick = -1
                var largest: Int64 = -1
                for i in 0..<instrumentCount {
                    let position = positions[positionIndex(a, i)]
                    guard !position.isolated, position.size != 0 else { continue }
                    let value = abs(signedValue(i, size: position.size, ticks: markets[i].mark))
                    if value > largest {
                        largest = value
                        pick = i
                    }
                }
                guard pick >= 0 else { break }
                liquidate(a, pick)
            }
        }
    }

    /// Cross margin ratio ≥ 100 %, or the mark reached a cross position's liquidation price.
    func crossTriggered(_ a: Int) -> Bool {
        var equity = ledger.wallets[a]
        var maintenanceTotal: Int64 = 0
        var any = false
        for i in 0..<instrumentCount {
            let position = positions[positionIndex(a, i)]
            guard !position.isolated, position.size != 0 else { continue }
            any = true
            equity += unrealized(position, i)
            maintenanceTotal += maintenance(position, i)
        }
        guard any else { return false }
        if equity <= maintenanceTotal { return true }
        for i in 0..<instrumentCount {
            let position = positions[positionIndex(a, i)]
            if !position.isolated, position.size != 0, markCrossed(a, i) { return true }
        }
        return false
    }

    /// Liquidates one position: cancel orders, one IOC close limited at the bankruptcy price,
    /// remainder to the insurance fund at the bankruptcy price, or ADL when the fund cannot.
    mutating func liquidate(_ a: Int, _ i: Int) {
        let k = positionIndex(a, i)
        if !liquidatedInCommand.contains(a) { liquidatedInCommand.append(a) }
        cancelAllOrders(account: a, instrument: positions[k].isolated ? i : nil, reason: .liquidation)
        let size = positions[k].size
        guard size != 0 else { return }
        let lots = abs(size)
        let bankruptcy = bankruptcyPrice(a, i)?.ticks ?? (size > 0 ? 1 : markets[i].mark * 2)
        let side: Side = size > 0 ? .sell : .buy
        let request = OrderRequest(
            account: AccountID(UInt32(a)), instrument: InstrumentID(UInt16(i)), side: side, kind: .limit,
            price: Price(ticks: bankruptcy), quantity: Quantity(lots: lots), timeInForce: .ioc, reduceOnly: true)
        let filled = submit(
            account: a, instrument: i, side: side, limit: bankruptcy, lots: lots, timeInForce: .ioc,
            reduceOnly: true, clientTag: 0, feeMode: .liquidation, request: request
        ).filled
        var remainder = abs(positions[k].size)
        var takenByFund: Int64 = 0
        if remainder > 0, !fundCanTakeOver(i, direction: size > 0 ? 1 : -1, lots: remainder, price: bankruptcy) {
            remainder -= autoDeleverage(a, i, lots: remainder, price: bankruptcy)
        }
        if remainder > 0 {
            transfer(from: a, to: 0, instrument: i, lots: remainder, price: bankruptcy)
            takenByFund = remainder
        }
        pending.append(
            .liquidation(
                account: AccountID(UInt32(a)), instrument: InstrumentID(UInt16(i)), quantity: Quantity(lots: lots),
                bankruptcyPrice: Price(ticks: bankruptcy), bookFilled: Quantity(lots: filled),
                fundTakeover: Quantity(lots: takenByFund)))
        // A bankrupt wallet with nothing left open is reset to zero by the fund.
        if accounts[a].openPositions == 0 { ledger.coverNegativeWallet(a) }
        pending.append(.insuranceFund(balance: Money(units: ledger.fund)))
    }

}
