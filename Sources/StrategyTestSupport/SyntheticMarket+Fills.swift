import MarketModel
public import StrategyKit

extension SyntheticMarket {
    /// Applies a strategy's actions: market orders fill at the touch, limit orders rest (post-only
    /// orders that would cross are dropped, crossing limits fill at the touch).
    public mutating func apply(_ output: StrategyOutput) {
        for action in output.actions {
            switch action {
            case .cancelAll(let instrument):
                resting.removeAll { instrument == nil || $0.instrument == Int(instrument!.rawValue) }
            case .setLeverage:
                continue
            case .place(let intent):
                let index = Int(intent.instrument.rawValue)
                guard index < mids.count else { continue }
                let (bid, ask) = touch(index)
                // The synthetic book is finite: no single fill above a million lots.
                var quantity = min(intent.quantity.lots, 1_000_000)
                if intent.reduceOnly {
                    let reducible = intent.side == .buy ? max(0, -positions[index]) : max(0, positions[index])
                    quantity = min(quantity, reducible)
                }
                guard quantity > 0 else { continue }
                guard let price = intent.price else {
                    fill(index, side: intent.side, price: intent.side == .buy ? ask : bid, lots: quantity)
                    continue
                }
                let crosses = intent.side == .buy ? price.ticks >= ask : price.ticks <= bid
                if crosses {
                    if !intent.postOnly {
                        fill(index, side: intent.side, price: intent.side == .buy ? ask : bid, lots: quantity)
                    }
                } else if intent.timeInForce != .ioc && intent.timeInForce != .fok && resting.count < 256 {
                    resting.append(
                        Resting(
                            instrument: index, side: intent.side, price: price, quantity: quantity,
                            reduceOnly: intent.reduceOnly))
                }
            }
        }
    }

    func touch(_ index: Int) -> (bid: Int64, ask: Int64) {
        (mids[index] - spreads[index] / 2 - spreads[index] % 2, mids[index] + spreads[index] / 2)
    }

    mutating func fillResting() {
        var kept: [Resting] = []
        for order in resting {
            let (bid, ask) = touch(order.instrument)
            let crossed = order.side == .buy ? ask <= order.price.ticks : bid >= order.price.ticks
            if crossed {
                fill(order.instrument, side: order.side, price: order.price.ticks, lots: order.quantity)
            } else {
                kept.append(order)
            }
        }
        resting = kept
    }

    /// Updates position, average entry and realised PnL for a fill.
    mutating func fill(_ index: Int, side: Side, price: Int64, lots: Int64) {
        fillCount += 1
        let value = configuration.instruments[index].tickLotValue
        let signed = side.sign * lots
        let current = positions[index]
        if current == 0 || (current > 0) == (signed > 0) {
            let total = current + signed
            let weighted = Int128(entries[index]) * Int128(current.magnitude) + Int128(price) * Int128(lots)
            entries[index] = Int64(clamping: weighted / Int128(max(1, total.magnitude)))
            positions[index] = total
            return
        }
        let closing = min(lots, current.magnitude.toInt)
        let realized = Int128(price - entries[index]) * Int128(current > 0 ? closing : -closing) * Int128(value)
        balance = Int64(clamping: Int128(balance) + realized)
        let remaining = current + signed
        positions[index] = remaining
        if remaining == 0 {
            entries[index] = 0
        } else if (remaining > 0) != (current > 0) {
            entries[index] = price
        }
    }
}

extension UInt64 {
    fileprivate var toInt: Int64 { Int64(self) }
}
