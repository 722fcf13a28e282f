import MarketModel

/// PnL transfer: for each pair of teams, the value that moved between them through their fills,
/// each fill valued against the mark in force at the fill: a seller who sold above the mark got
/// `(price − mark) × quantity` from the buyer. A donor feeding a receiver shows as a large net
/// amount, moved one way (|net| ≈ gross), that makes up most of what the receiver earned from
/// its counterparties.
///
/// Flagged when, over the evaluation: fills ≥ `transferMinFills`, net ≥ `transferMinUnits`,
/// |net| / gross ≥ `transferMinOneSidedPPM` and concentration ≥ `transferMinConcentrationPPM`.
enum TransferDetector {
    private struct Pair {
        /// Net value received by the higher-index team.
        var net: Int128 = 0
        var gross: Int128 = 0
        var notional: Int128 = 0
        var fills = 0
        var runs: [TransferFinding.Run] = []
        /// The largest fills by value to the higher-index team ([0]) and to the lower one ([1]):
        /// (|value|, run, sequence, fill, value to the higher-index team).
        var largest: [[(magnitude: Int128, run: Int, sequence: Int, fill: TapeFill, value: Int128)]] = [[], []]
    }

    static func detect(_ evaluation: EvaluationTapes, _ thresholds: IntegrityThresholds) -> [TransferFinding] {
        let teamCount = evaluation.teamIDs.count
        var pairs: [Int: Pair] = [:]
        /// Positive and negative value per team and counterparty (key teamCount = the house).
        var byCounterparty: [[Int: Int128]] = Array(repeating: [:], count: teamCount)
        var pnl: [[Int: Int64]] = Array(repeating: [:], count: teamCount)
        for (run, tape) in evaluation.tapes.enumerated() {
            let global = evaluation.globalIndex[run]
            for (local, team) in tape.teams.enumerated() { pnl[global[local]][run] = team.pnl }
            for (sequence, fill) in tape.fills.enumerated() {
                let value = fill.sellerValue(tickLotValue: tape.instruments[fill.instrument].tickLotValue)
                let buyer = fill.buyer >= 0 ? global[fill.buyer] : teamCount
                let seller = fill.seller >= 0 ? global[fill.seller] : teamCount
                if buyer < teamCount { byCounterparty[buyer][seller, default: 0] -= value }
                if seller < teamCount { byCounterparty[seller][buyer, default: 0] += value }
                guard buyer < teamCount, seller < teamCount, buyer != seller else { continue }
                let low = min(buyer, seller)
                let high = max(buyer, seller)
                let toHigh = seller == high ? value : -value
                var pair = pairs[low * teamCount + high] ?? Pair()
                pair.net += toHigh
                pair.gross += toHigh.magnitude > UInt128(Int128.max) ? Int128.max : Int128(toHigh.magnitude)
                pair.notional += FixedMath.value(
                    ticks: fill.priceTicks, lots: fill.lots,
                    tickLotValue: tape.instruments[fill.instrument].tickLotValue)
                pair.fills += 1
                if pair.runs.last?.runID != tape.runID {
                    pair.runs.append(
                        TransferFinding.Run(runID: tape.runID, fills: 0, netUnits: 0, firstTick: fill.tick, lastTick: 0)
                    )
                }
                pair.runs[pair.runs.count - 1].fills += 1
                pair.runs[pair.runs.count - 1].netUnits &+= Int64(clamping: toHigh)
                pair.runs[pair.runs.count - 1].lastTick = fill.tick
                if toHigh != 0 {
                    keepLargest(
                        &pair.largest[toHigh > 0 ? 0 : 1], (Int128(toHigh.magnitude), run, sequence, fill, toHigh))
                }
                pairs[low * teamCount + high] = pair
            }
        }
        var findings: [TransferFinding] = []
        for key in pairs.keys.sorted() {
            guard let pair = pairs[key] else { continue }
            let low = key / teamCount
            let high = key % teamCount
            let receiver = pair.net >= 0 ? high : low
            let giver = receiver == high ? low : high
            let net = pair.net.magnitude > UInt128(Int128.max) ? Int128.max : Int128(pair.net.magnitude)
            let positive = byCounterparty[receiver].values.reduce(Int128(0)) { $0 + max(0, $1) }
            let shared = Set(pair.runs.map(\.runID))
            let receiverPnL = evaluation.tapes.indices.filter { shared.contains(evaluation.tapes[$0].runID) }
                .reduce(Int64(0)) { $0 &+ (pnl[receiver][$1] ?? 0) }
            let oneSided = FixedMath.ppm(net, pair.gross)
            let concentration = FixedMath.ppm(net, positive)
            let flagged =
                pair.fills >= thresholds.transferMinFills && net >= Int128(thresholds.transferMinUnits)
                && oneSided >= thresholds.transferMinOneSidedPPM
                && concentration >= thresholds.transferMinConcentrationPPM
            guard flagged || net >= Int128(thresholds.transferMinUnits) / 2 else { continue }
            let sign: Int64 = receiver == high ? 1 : -1
            findings.append(
                TransferFinding(
                    giver: evaluation.team(giver), receiver: evaluation.team(receiver), netUnits: Int64(clamping: net),
                    grossUnits: Int64(clamping: pair.gross), notionalUnits: Int64(clamping: pair.notional),
                    fills: pair.fills, oneSidedPPM: oneSided, concentrationPPM: concentration,
                    receiverPnLUnits: receiverPnL,
                    shareOfPnLPPM: receiverPnL > 0 ? FixedMath.ppm(net, Int128(receiverPnL)) : 0, flagged: flagged,
                    runs: pair.runs.map {
                        var run = $0
                        run.netUnits = run.netUnits &* sign
                        return run
                    },
                    largestFills: pair.largest[receiver == high ? 0 : 1].map { entry in
                        evidence(
                            entry.fill, value: entry.value * Int128(sign), receiver: receiver, evaluation, entry.run)
                    }))
        }
        return findings
    }

    /// Keeps the ten largest fills, largest first; ties by run then transcript order.
    private static func keepLargest(
        _ list: inout [(magnitude: Int128, run: Int, sequence: Int, fill: TapeFill, value: Int128)],
        _ entry: (magnitude: Int128, run: Int, sequence: Int, fill: TapeFill, value: Int128)
    ) {
        if list.count == 10, let last = list.last, last.magnitude >= entry.magnitude { return }
        let at =
            list.firstIndex { $0.magnitude < entry.magnitude } ?? list.count
        list.insert(entry, at: at)
        if list.count > 10 { list.removeLast() }
    }

    private static func evidence(
        _ fill: TapeFill, value: Int128, receiver: Int, _ evaluation: EvaluationTapes, _ run: Int
    ) -> TransferFinding.Fill {
        let tape = evaluation.tapes[run]
        let spec = tape.instruments[fill.instrument]
        let buyer = fill.buyer >= 0 ? evaluation.globalIndex[run][fill.buyer] : -1
        return TransferFinding.Fill(
            runID: tape.runID, tick: fill.tick, symbol: spec.symbol, receiverSide: buyer == receiver ? "buy" : "sell",
            price: spec.decimal(Price(ticks: fill.priceTicks)), mark: spec.decimal(Price(ticks: fill.markTicks)),
            quantity: spec.decimal(Quantity(lots: fill.lots)), valueUnits: Int64(clamping: value),
            deviationPPM: FixedMath.ppm(Int128(fill.priceTicks - fill.markTicks), Int128(fill.markTicks)))
    }
}
