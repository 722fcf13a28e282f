import MarketBackground
import MarketModel

extension Exchange {
    /// End-of-tick pipeline, in a fixed order.
    mutating func endOfTick() {
        let next = tick + 1
        // 1. Index from the price process.
        background.stepPrices()
        for i in 0..<instrumentCount {
            let price = background.price(i)
            markets[i].index = price.index.ticks
            markets[i].pinnedMark = price.mark?.ticks
            markets[i].pinnedFunding = price.fundingRate?.units
        }
        // 2. Background agents trade against the book.
        runBackground()
        // 3. Samples, predicted funding rate and mark.
        for i in 0..<instrumentCount {
            if next % max(1, configuration.basisSampleTicks) == 0 { sampleBasis(i) }
            if next % max(1, configuration.premiumSampleTicks) == 0 { samplePremium(i) }
            if let pinned = markets[i].pinnedFunding { markets[i].fundingRate = pinned }
            markets[i].mark = markets[i].pinnedMark ?? computeMark(i, nextTick: next)
            pending.append(
                .priceUpdate(
                    instrument: InstrumentID(UInt16(i)), index: Price(ticks: markets[i].index),
                    mark: Price(ticks: markets[i].mark), fundingRate: Rate(units: markets[i].fundingRate)))
        }
        // 4. Funding at the funding tick.
        for i in 0..<instrumentCount where next % max(1, specs[i].fundingIntervalTicks) == 0 { settleFunding(i) }
        // 5. The fund unwinds what it took over on earlier ticks, then 6. liquidations on mark
        // (a takeover made now is unwound from the next tick on).
        unwindFund()
        runLiquidations()
        for i in 0..<instrumentCount {
            markets[i].tradesLastTick = markets[i].tradeCount - markets[i].tradeCountAtTickClose
            markets[i].tradeCountAtTickClose = markets[i].tradeCount
        }
        tick = next
    }

    /// Mark = median(P1, P2, last) (Binance §5.2):
    /// P1 = index × (1 + rate × ticks-until-funding / interval), P2 = index + MA(basis).
    func computeMark(_ i: Int, nextTick: Int64) -> Int64 {
        let market = markets[i]
        let interval = max(1, specs[i].fundingIntervalTicks)
        let untilFunding = interval - (nextTick % interval)
        let p1 =
            market.index
            + WideMath.clamp(
                WideMath.divide(
                    Int128(market.index) * Int128(market.fundingRate) * Int128(untilFunding),
                    Int128(Rate.one.units) * Int128(interval), .nearest))
        var p2 = market.index
        if !market.basis.isEmpty {
            p2 += WideMath.clamp(WideMath.divide(Int128(market.basisSum), Int128(2 * market.basis.count), .nearest))
        }
        let last = market.last > 0 ? market.last : market.index
        return Self.median(p1, p2, last)
    }

    static func median(_ a: Int64, _ b: Int64, _ c: Int64) -> Int64 {
        max(min(a, b), min(max(a, b), c))
    }

    /// One basis sample `(bid1 + ask1)/2 − index` in half-ticks; skipped when a side is empty.
    mutating func sampleBasis(_ i: Int) {
        guard let bid = books[i].bestBid, let ask = books[i].bestAsk else { return }
        let sample = bid + ask - 2 * markets[i].index
        markets[i].basis.append(sample)
        markets[i].basisSum += sample
        while markets[i].basis.count > configuration.markBasisWindow {
            markets[i].basisSum -= markets[i].basis.removeFirst()
        }
    }

    /// Average fill price (ticks, as a rational) to trade `notional` money on one side; `nil`
    /// when the side is thinner than the impact notional.
    func impactPrice(_ i: Int, bids: Bool, notional target: Int64) -> (numerator: Int128, denominator: Int128)? {
        let levels = bids ? books[i].bids.levels : books[i].asks.levels
        let perTickLot = Int128(specs[i].tickLotValue)
        let wanted = Int128(target)  // money
        var lots: Int128 = 0
        var spent: Int128 = 0
        var index = levels.count - 1
        while index >= 0 {
            let level = levels[index]
            let price = Int128(bids ? level.key : -level.key)
            let value = price * Int128(level.quantity) * perTickLot
            if spent + value >= wanted {
                // lots + (wanted − spent)/(price·tlv) fills the target: price = wanted / that.
                let rest = wanted - spent
                let denominator = lots * price * perTickLot + rest
                guard denominator > 0 else { return nil }
                return (wanted * price, denominator)
            }
            spent += value
            lots += Int128(level.quantity)
            index -= 1
        }
        return nil
    }

    /// Premium index sample `[max(0, IB − I) − max(0, I − IA)] / I`, weighted linearly.
    mutating func samplePremium(_ i: Int) {
        let impact = configuration.impactMargin.units * specs[i].maxLeverage
        let index = Int128(markets[i].index)
        let one = Int128(Rate.one.units)
        var premium: Int128 = 0
        if let bid = impactPrice(i, bids: true, notional: impact), bid.numerator > index * bid.denominator {
            premium += (bid.numerator - index * bid.denominator) * one / (index * bid.denominator)
        }
        if let ask = impactPrice(i, bids: false, notional: impact), index * ask.denominator > ask.numerator {
            premium -= (index * ask.denominator - ask.numerator) * one / (index * ask.denominator)
        }
        markets[i].premiumWeights += 1
        markets[i].premiumWeighted += premium * Int128(markets[i].premiumWeights)
        markets[i].fundingRate = predictedFundingRate(i)
    }

    /// F = avgP + clamp(I − avgP, ±clamp), capped, quoted per `fundingRatePeriodMilliseconds`
    /// (per 8 h by default), in 1e-8; not yet scaled to the funding interval.
    func quotedFundingRate(_ i: Int) -> Int64 {
        let market = markets[i]
        let spec = specs[i]
        let weights = Int128(market.premiumWeights) * Int128(market.premiumWeights + 1) / 2
        let average = weights == 0 ? 0 : WideMath.clamp(WideMath.divide(market.premiumWeighted, weights, .towardZero))
        let clampUnits = spec.fundingClamp.units
        let rate = average + min(max(spec.fundingInterest.units - average, -clampUnits), clampUnits)
        return min(max(rate, -spec.fundingCap.units), spec.fundingCap.units)
    }

    /// The unrounded rate per funding interval as a fraction `numerator / denominator`:
    /// the quoted rate × interval / quote period, or the pinned per-interval rate of a path.
    func exactFundingRate(_ i: Int) -> (numerator: Int128, denominator: Int128) {
        if let pinned = markets[i].pinnedFunding { return (Int128(pinned), Int128(Rate.one.units)) }
        let intervalMilliseconds = Int128(specs[i].fundingIntervalTicks) * Int128(configuration.tickMilliseconds)
        return (
            Int128(quotedFundingRate(i)) * intervalMilliseconds,
            Int128(Rate.one.units) * Int128(max(1, configuration.fundingRatePeriodMilliseconds))
        )
    }

    /// The predicted rate per funding interval, truncated to 1e-8 for display (published in
    /// snapshots and events; payments use `exactFundingRate`).
    func predictedFundingRate(_ i: Int) -> Int64 {
        let intervalMilliseconds = Int128(specs[i].fundingIntervalTicks) * Int128(configuration.tickMilliseconds)
        return WideMath.clamp(
            WideMath.divide(
                Int128(quotedFundingRate(i)) * intervalMilliseconds,
                Int128(max(1, configuration.fundingRatePeriodMilliseconds)), .towardZero)
        )
    }

    /// Pays funding at mark to every open position: amount = −size × mark × rate, formed in one
    /// wide product from the unrounded per-interval rate (`exactFundingRate`) and rounded once,
    /// toward zero, per position; the residue goes to the insurance fund so the transfer is
    /// zero-sum.
    mutating func settleFunding(_ i: Int) {
        let rate = markets[i].fundingRate
        let exact = exactFundingRate(i)
        var net: Int64 = 0
        if exact.numerator != 0 {
            for a in 0..<accounts.count {
                let k = positionIndex(a, i)
                let size = positions[k].size
                guard size != 0 else { continue }
                let value = signedValue(i, size: size, ticks: markets[i].mark)
                let amount = -WideMath.clamp(
                    WideMath.divide(Int128(value) * exact.numerator, exact.denominator, .towardZero))
                ledger.payFunding(a, k, amount, isolated: positions[k].isolated && accounts[a].kind == .bot)
                positions[k].funding += amount
                net += amount
                pending.append(
                    .funding(
                        account: AccountID(UInt32(a)), instrument: InstrumentID(UInt16(i)), rate: Rate(units: rate),
                        amount: Money(units: amount)))
            }
        }
        if net != 0 {
            ledger.fundingResidue(net)
            pending.append(.fundingResidue(instrument: InstrumentID(UInt16(i)), amount: Money(units: -net)))
            pending.append(.insuranceFund(balance: Money(units: ledger.fund)))
        }
        markets[i].lastFundingRate = rate
        markets[i].premiumWeighted = 0
        markets[i].premiumWeights = 0
        if markets[i].pinnedFunding == nil { markets[i].fundingRate = predictedFundingRate(i) }
    }
}
