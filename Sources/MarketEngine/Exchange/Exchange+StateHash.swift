import DequeModule
import MarketBackground
import MarketModel

extension Exchange {
    /// Deterministic 64-bit hash of all state in a fixed order (accounts, positions, books in
    /// priority order, market data, price processes, agents, counters).
    public func stateHash() -> UInt64 {
        var h = StateHasher()
        h.combine(tick)
        h.combine(nextOrderID)
        h.combine(ledger.feesCollected)
        h.combine(ledger.totalDeposits)
        h.combine(ledger.fundingResidue)
        for (a, account) in accounts.enumerated() {
            h.combine(Int(account.kind.rawValue))
            h.combine(ledger.wallets[a])
            h.combine(ledger.deposits[a])
            h.combine(Int(account.openOrders))
            // Combined only when set, so runs without linked teams keep the hashes they always had.
            if account.selfTradeGroup != 0 {
                h.combine(Int(0x5354_5047))  // "STPG"
                h.combine(Int(account.selfTradeGroup))
            }
        }
        for (k, p) in positions.enumerated() {
            for field in [
                p.size, p.entryValue, p.leverage, ledger.isolatedMargins[k], p.bidLots, p.bidNotional, p.askLots,
                p.askNotional, Int64(p.reduceOnlyOrders), p.fees, p.funding, p.realized,
            ] {
                h.combine(field)
            }
            h.combine(p.isolated)
        }
        for book in books {
            for side in [book.bids, book.asks] {
                h.combine(side.levels.count)
                for level in side.levels {
                    h.combine(level.key)
                    h.combine(level.quantity)
                    for entry in level.queue {
                        let order = orders[Int(entry.slot)]
                        guard order.id == entry.id, order.live else { continue }
                        h.combine(order.id)
                        h.combine(order.remaining)
                        h.combine(Int(order.account))
                        h.combine(order.reduceOnly)
                        h.combine(order.clientTag)
                    }
                }
            }
        }
        for m in markets {
            for field in [
                m.index, m.mark, m.last, m.fundingRate, m.lastFundingRate, m.premiumWeights, m.basisSum, m.volume,
            ] {
                h.combine(field)
            }
            h.combine(m.premiumWeighted)
            h.combine(m.basis.count)
        }
        background.combineState { h.combine($0) }
        return h.value
    }
}
