import MarketModel

/// Wash and matched trading: fills between the same two teams that leave both positions where
/// they were within a short window. Per run, pair and instrument, the pair's fills are matched
/// first-in first-out against earlier opposite fills of the same pair at most
/// `washWindowTicks` ticks old; every closing fill that matched is a round trip, and the
/// notional of both legs is "matched".
///
/// Flagged in a run when round trips ≥ `washMinRoundTrips`, matched notional ≥
/// `washMinMatchedUnits` and matched / the pair's notional ≥ `washMinMatchedSharePPM`; a pair is
/// reported when at least one run is flagged.
enum WashDetector {
    private struct Leg {
        var tick: Int
        /// Signed lots from the lower-index team's side (+ it bought).
        var lots: Int64
        var priceTicks: Int64
    }

    private struct PairRun {
        var fills = 0
        var roundTrips = 0
        var matched: Int128 = 0
        var notional: Int128 = 0
        var net: [Int: Int64] = [:]
        var traded: Int64 = 0
        var open: [Int: [Leg]] = [:]
        var examples: [WashFinding.RoundTrip] = []
    }

    static func detect(_ evaluation: EvaluationTapes, _ thresholds: IntegrityThresholds) -> [WashFinding] {
        let teamCount = evaluation.teamIDs.count
        var found: [Int: (runs: [WashFinding.Run], examples: [WashFinding.RoundTrip], flagged: Bool)] = [:]
        for (run, tape) in evaluation.tapes.enumerated() {
            let global = evaluation.globalIndex[run]
            var pairs: [Int: PairRun] = [:]
            for fill in tape.fills where fill.buyer >= 0 && fill.seller >= 0 {
                let buyer = global[fill.buyer]
                let seller = global[fill.seller]
                guard buyer != seller else { continue }
                let key = min(buyer, seller) * teamCount + max(buyer, seller)
                var pair = pairs[key] ?? PairRun()
                record(fill, lowBuys: buyer < seller, into: &pair, tape: tape, window: thresholds.washWindowTicks)
                pairs[key] = pair
            }
            for key in pairs.keys.sorted() {
                guard let pair = pairs[key] else { continue }
                let share = FixedMath.ppm(pair.matched, pair.notional)
                let flagged =
                    pair.roundTrips >= thresholds.washMinRoundTrips
                    && pair.matched >= Int128(thresholds.washMinMatchedUnits)
                    && share >= thresholds.washMinMatchedSharePPM
                let net = pair.net.keys.sorted().reduce(Int64(0)) { $0 + abs(pair.net[$1] ?? 0) }
                var entry = found[key] ?? ([], [], false)
                entry.runs.append(
                    WashFinding.Run(
                        runID: tape.runID, fills: pair.fills, roundTrips: pair.roundTrips,
                        matchedUnits: Int64(clamping: pair.matched), notionalUnits: Int64(clamping: pair.notional),
                        matchedSharePPM: share, netPPM: FixedMath.ppm(net, pair.traded), flagged: flagged))
                if flagged {
                    entry.flagged = true
                    entry.examples += pair.examples.prefix(10 - min(10, entry.examples.count))
                }
                found[key] = entry
            }
        }
        return found.keys.sorted().compactMap { key in
            guard let entry = found[key], entry.flagged else { return nil }
            return WashFinding(
                teams: [evaluation.team(key / teamCount), evaluation.team(key % teamCount)], runs: entry.runs,
                examples: entry.examples)
        }
    }

    private static func record(_ fill: TapeFill, lowBuys: Bool, into pair: inout PairRun, tape: HeatTape, window: Int) {
        let spec = tape.instruments[fill.instrument]
        pair.fills += 1
        pair.traded += fill.lots
        pair.notional += FixedMath.value(ticks: fill.priceTicks, lots: fill.lots, tickLotValue: spec.tickLotValue)
        var remaining = lowBuys ? fill.lots : -fill.lots
        pair.net[fill.instrument, default: 0] += remaining
        var queue = pair.open[fill.instrument] ?? []
        var matchedLots: Int64 = 0
        var firstOpen: Leg?
        while remaining != 0, let head = queue.first, (head.lots > 0) != (remaining > 0) {
            if head.tick < fill.tick - window {
                queue.removeFirst()
                continue
            }
            let take = min(abs(head.lots), abs(remaining))
            matchedLots += take
            if firstOpen == nil { firstOpen = head }
            pair.matched += FixedMath.value(ticks: head.priceTicks, lots: take, tickLotValue: spec.tickLotValue)
            pair.matched += FixedMath.value(ticks: fill.priceTicks, lots: take, tickLotValue: spec.tickLotValue)
            let sign: Int64 = head.lots > 0 ? 1 : -1
            queue[0].lots -= sign * take
            remaining += sign * take
            if queue[0].lots == 0 { queue.removeFirst() }
        }
        // Legs older than the window cannot be matched any more.
        while let head = queue.first, head.tick < fill.tick - window { queue.removeFirst() }
        if remaining != 0 { queue.append(Leg(tick: fill.tick, lots: remaining, priceTicks: fill.priceTicks)) }
        pair.open[fill.instrument] = queue
        guard matchedLots > 0, let open = firstOpen else { return }
        pair.roundTrips += 1
        if pair.examples.count < 10 {
            pair.examples.append(
                WashFinding.RoundTrip(
                    runID: tape.runID, symbol: spec.symbol, openTick: open.tick, closeTick: fill.tick,
                    quantity: spec.decimal(Quantity(lots: matchedLots)),
                    openPrice: spec.decimal(Price(ticks: open.priceTicks)),
                    closePrice: spec.decimal(Price(ticks: fill.priceTicks))))
        }
    }
}
