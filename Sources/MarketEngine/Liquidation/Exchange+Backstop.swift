import MarketModel

/// Insurance-fund takeover check, auto-deleveraging and the fund unwind.
extension Exchange {
    /// `true` when the fund stays solvent at mark after taking `lots` at `price`.
    func fundCanTakeOver(_ i: Int, direction: Int64, lots: Int64, price: Int64) -> Bool {
        var equity = Int128(ledger.fund)
        for j in 0..<instrumentCount { equity += Int128(unrealized(positions[positionIndex(0, j)], j)) }
        let markValue = Int128(signedValue(i, size: direction * lots, ticks: markets[i].mark))
        let entryValue = Int128(signedValue(i, size: direction * lots, ticks: price))
        return equity + markValue - entryValue >= 0
    }

    /// Closes up to `lots` against ranked opposing positions at `price` (the bankruptcy price of
    /// the liquidated order), without fees.
    ///
    /// Only positions that are in profit at `price` take part (closing there realises a gain,
    /// never a loss), profit first in BitMEX rank order: PnL% × effective leverage. The amount
    /// taken from one account is further capped so that its equity at mark stays non-negative
    /// when `price` is worse than the mark for it: an auto-deleveraged trader never loses more
    /// than its own margin. Accounts of the liquidated account's self-trade-prevention group are
    /// skipped: linked teams never take each other's positions. What no eligible position can
    /// absorb stays with the caller (the insurance fund takes it).
    mutating func autoDeleverage(_ a: Int, _ i: Int, lots: Int64, price: Int64) -> Int64 {
        let direction: Int64 = positions[positionIndex(a, i)].size > 0 ? 1 : -1
        let group = accounts[a].selfTradeGroup
        var ranked: [(rank: Int128, account: Int)] = []
        for b in 1..<accounts.count where b != a && (group == 0 || accounts[b].selfTradeGroup != group) {
            let position = positions[positionIndex(b, i)]
            guard position.size != 0, (position.size > 0) != (direction > 0) else { continue }
            // Closing the whole position at `price` must realise a gain or break even.
            let gain = signedValue(i, size: position.size, ticks: price) - position.signedEntryValue
            guard gain >= 0 else { continue }
            ranked.append((adlRank(b, i), b))
        }
        ranked.sort { $0.rank != $1.rank ? $0.rank > $1.rank : $0.account < $1.account }
        var done: Int64 = 0
        for (_, b) in ranked where done < lots {
            let available = abs(positions[positionIndex(b, i)].size)
            let take = min(available, lots - done, adlCapacity(b, i, price: price))
            guard take > 0 else { continue }
            transfer(from: a, to: b, instrument: i, lots: take, price: price)
            pending.append(
                .autoDeleverage(
                    account: AccountID(UInt32(b)), instrument: InstrumentID(UInt16(i)), quantity: Quantity(lots: take),
                    price: Price(ticks: price)))
            done += take
        }
        return done
    }

    /// Lots of account `b`'s position on `i` that can be closed at `price` without taking the
    /// equity that carries it below zero: the position's own margin plus uPnL when isolated, the
    /// cross equity otherwise. Unlimited when `price` is at or better than the mark for `b`.
    func adlCapacity(_ b: Int, _ i: Int, price: Int64) -> Int64 {
        let position = positions[positionIndex(b, i)]
        // Equity change per lot closed at `price` instead of valued at mark (long sells, short buys).
        let perLot = position.sign * (price - markets[i].mark) * tickLotValue(i)
        guard perLot < 0 else { return Int64.max }
        var equity: Int64
        if position.isolated {
            equity = ledger.isolatedMargins[positionIndex(b, i)] + unrealized(position, i)
        } else {
            equity = ledger.wallets[b]
            for j in 0..<instrumentCount {
                let other = positions[positionIndex(b, j)]
                if !other.isolated { equity += unrealized(other, j) }
            }
        }
        // One unit per close covers the pro-rata rounding of the removed entry value.
        guard equity > 1 else { return 0 }
        return (equity - 1) / -perLot
    }

    /// ADL rank in 1e-8 units: `PnL% × EffLev` (profit) or `PnL% / EffLev` (loss), with
    /// PnL% = uPnL / entry value and EffLev = |mark value| / |mark value − bankruptcy value|.
    func adlRank(_ b: Int, _ i: Int) -> Int128 {
        let position = positions[positionIndex(b, i)]
        guard position.entryValue > 0 else { return 0 }
        let pnlPercent = Int128(unrealized(position, i)) * Int128(Rate.one.units) / Int128(position.entryValue)
        let markValue = Int128(abs(signedValue(i, size: position.size, ticks: markets[i].mark)))
        let bankruptTicks = bankruptcyPrice(b, i)?.ticks ?? 0
        let bankruptValue = Int128(abs(signedValue(i, size: position.size, ticks: bankruptTicks)))
        let distance = max(
            1, (markValue - bankruptValue).magnitude > 0 ? Int128((markValue - bankruptValue).magnitude) : 1)
        guard markValue > 0 else { return pnlPercent }
        return pnlPercent > 0 ? pnlPercent * markValue / distance : pnlPercent * distance / markValue
    }

    /// The insurance fund reduces its positions with IOC orders inside the band, fee-exempt.
    mutating func unwindFund() {
        for i in 0..<instrumentCount {
            let size = positions[positionIndex(0, i)].size
            guard size != 0 else { continue }
            let perLot = max(1, notional(i, ticks: markets[i].mark, lots: 1))
            let budget = max(1, configuration.fundUnwindNotionalPerTick.units / perLot)
            let lots = min(abs(size), budget)
            let side: Side = size > 0 ? .sell : .buy
            let limit = bandEdge(i, side: side)
            guard crossesBook(i, side: side, limit: limit) else { continue }
            let request = OrderRequest(
                account: AccountID(0), instrument: InstrumentID(UInt16(i)), side: side, kind: .limit,
                price: Price(ticks: limit), quantity: Quantity(lots: lots), timeInForce: .ioc, reduceOnly: true)
            submit(
                account: 0, instrument: i, side: side, limit: limit, lots: lots, timeInForce: .ioc,
                reduceOnly: true, clientTag: 0, feeMode: .exempt, request: request)
            pending.append(.insuranceFund(balance: Money(units: ledger.fund)))
        }
    }
}
