import MarketModel

/// Copying: each team's position changes per tick and market (valued in USDT at the mark) form
/// a sparse series; for every pair of teams that shared a run, the cosine similarity of one
/// series with the other shifted by a lag is computed for lags 0 … `copyMaxLag` in both
/// directions, summed over every run the two shared (heats and rounds). The best lag in
/// `copyMinLag` … `copyMaxLag` names the leader and the follower. For each pair, the fills the
/// two made with each other are taken out of both series first: a copier repeats its leader's
/// trades in the market, while two teams trading with each other (on a schedule, say) mirror
/// each other and are the transfer and wash detectors' business.
///
/// Flagged when both made at least `copyMinChanges` changes, the cosine at the best lag is ≥
/// `copyMinCosinePPM` and above the simultaneous (lag 0) one, and the follow ratio (share of
/// the follower's changes that repeat a leader change of the same market and direction
/// lag ± 1 ticks earlier) is ≥ `copyMinFollowPPM`.
enum CopyDetector {
    /// One team's non-zero changes in one run: (instrument × ticks + tick, value).
    private typealias Changes = [(index: Int, value: Int64)]

    private struct Shared {
        var runs: [Int] = []
        /// dot[direction][lag]; direction 0: low team leads, 1: high team leads.
        var dot: [[Int128]]
        var normLow: Int128 = 0
        var normHigh: Int128 = 0
        var changesLow = 0
        var changesHigh = 0
    }

    /// Both teams' change series in one run, their fills with each other taken out.
    private struct PairSeries {
        var dense: [[Int64]]
        var sparse: [Changes]
    }

    static func detect(_ evaluation: EvaluationTapes, _ thresholds: IntegrityThresholds) -> [CopyFinding] {
        let teamCount = evaluation.teamIDs.count
        let maxLag = thresholds.copyMaxLag
        var shared: [Int: Shared] = [:]
        for (run, tape) in evaluation.tapes.enumerated() {
            let sparse = tape.changes.map(sparsify)
            let mutual = mutualFills(tape)
            let global = evaluation.globalIndex[run]
            for a in tape.teams.indices {
                for b in tape.teams.indices where global[a] < global[b] {
                    let key = global[a] * teamCount + global[b]
                    let series = pairSeries(tape, a, b, mutual: mutual, sparse: sparse)
                    var pair =
                        shared[key] ?? Shared(dot: Array(repeating: Array(repeating: 0, count: maxLag + 1), count: 2))
                    pair.runs.append(run)
                    accumulate(
                        &pair.dot[0], leader: series.sparse[0], follower: series.dense[1], ticks: tape.ticks, maxLag)
                    accumulate(
                        &pair.dot[1], leader: series.sparse[1], follower: series.dense[0], ticks: tape.ticks, maxLag)
                    pair.normLow += norm(series.sparse[0])
                    pair.normHigh += norm(series.sparse[1])
                    pair.changesLow += series.sparse[0].count
                    pair.changesHigh += series.sparse[1].count
                    shared[key] = pair
                }
            }
        }
        var findings: [CopyFinding] = []
        for key in shared.keys.sorted() {
            guard let pair = shared[key] else { continue }
            guard pair.changesLow >= thresholds.copyMinChanges, pair.changesHigh >= thresholds.copyMinChanges else {
                continue
            }
            let curves = (0..<2).map { direction in
                pair.dot[direction].map {
                    FixedMath.cosinePPM(dot: $0, normA: pair.normLow, normB: pair.normHigh)
                }
            }
            var best = (direction: 0, lag: thresholds.copyMinLag, cosine: Int64.min)
            for direction in 0..<2 {
                for lag in thresholds.copyMinLag...maxLag where curves[direction][lag] > best.cosine {
                    best = (direction, lag, curves[direction][lag])
                }
            }
            let simultaneous = curves[0][0]
            guard best.cosine >= thresholds.copyMinCosinePPM, best.cosine > simultaneous else { continue }
            let low = key / teamCount
            let high = key % teamCount
            let leader = best.direction == 0 ? low : high
            let follower = best.direction == 0 ? high : low
            var follow = Follow()
            var runs: [CopyFinding.Run] = []
            for run in pair.runs {
                let tape = evaluation.tapes[run]
                let global = evaluation.globalIndex[run]
                guard let l = global.firstIndex(of: leader), let f = global.firstIndex(of: follower) else { continue }
                let series = pairSeries(tape, l, f, mutual: mutualFills(tape), sparse: nil)
                var local = Follow()
                local.count(
                    leader: series.dense[0], follower: series.sparse[1], lag: best.lag, tape: tape,
                    examples: follow.examples.count < 10)
                follow.add(local)
                var dot = Array(repeating: Int128(0), count: maxLag + 1)
                accumulate(&dot, leader: series.sparse[0], follower: series.dense[1], ticks: tape.ticks, maxLag)
                runs.append(
                    CopyFinding.Run(
                        runID: tape.runID,
                        cosinePPM: FixedMath.cosinePPM(
                            dot: dot[best.lag], normA: norm(series.sparse[0]), normB: norm(series.sparse[1])),
                        followRatioPPM: FixedMath.ppm(Int64(local.followed), Int64(series.sparse[1].count)),
                        leaderChanges: series.sparse[0].count, followerChanges: series.sparse[1].count))
            }
            let followerChanges = best.direction == 0 ? pair.changesHigh : pair.changesLow
            let leaderChanges = best.direction == 0 ? pair.changesLow : pair.changesHigh
            let followRatio = FixedMath.ppm(Int64(follow.followed), Int64(followerChanges))
            guard followRatio >= thresholds.copyMinFollowPPM else { continue }
            findings.append(
                CopyFinding(
                    leader: evaluation.team(leader), follower: evaluation.team(follower), lag: best.lag,
                    cosinePPM: best.cosine, simultaneousCosinePPM: simultaneous,
                    reverseCosinePPM: curves[1 - best.direction][thresholds.copyMinLag...].max() ?? 0,
                    followRatioPPM: followRatio,
                    leaderCoveragePPM: FixedMath.ppm(Int64(follow.covered), Int64(leaderChanges)),
                    leaderChanges: leaderChanges, followerChanges: followerChanges, curvePPM: curves[best.direction],
                    runs: runs, examples: Array(follow.examples.prefix(10))))
        }
        return findings
    }

    private static func sparsify(_ series: [Int64]) -> Changes {
        series.indices.compactMap { series[$0] != 0 ? ($0, series[$0]) : nil }
    }

    /// Lots bought, per fill between two teams, by the lower slot index from the higher one, by
    /// pair (`low * teams + high`, local indexes) as (`instrument * ticks + tick`, lots).
    private static func mutualFills(_ tape: HeatTape) -> [Int: [(index: Int, lots: Int64)]] {
        var mutual: [Int: [(index: Int, lots: Int64)]] = [:]
        let count = tape.teams.count
        for fill in tape.fills where fill.buyer >= 0 && fill.seller >= 0 && fill.buyer != fill.seller {
            let low = min(fill.buyer, fill.seller)
            let key = low * count + max(fill.buyer, fill.seller)
            mutual[key, default: []].append(
                (fill.instrument * tape.ticks + fill.tick, fill.buyer == low ? fill.lots : -fill.lots))
        }
        return mutual
    }

    /// The series of local teams `a` and `b` (in that order) without their fills with each other;
    /// `sparse` are the teams' full sparse series when already at hand.
    private static func pairSeries(
        _ tape: HeatTape, _ a: Int, _ b: Int, mutual: [Int: [(index: Int, lots: Int64)]], sparse: [Changes]?
    ) -> PairSeries {
        let count = tape.teams.count
        guard let fills = mutual[min(a, b) * count + max(a, b)] else {
            return PairSeries(
                dense: [tape.changes[a], tape.changes[b]],
                sparse: [sparse?[a] ?? sparsify(tape.changes[a]), sparse?[b] ?? sparsify(tape.changes[b])])
        }
        var lotsA = tape.lotChanges[a]
        var lotsB = tape.lotChanges[b]
        for (index, lots) in fills {
            let bought = a < b ? lots : -lots
            lotsA[index] -= bought
            lotsB[index] += bought
        }
        let dense = [tape.values(lotsA), tape.values(lotsB)]
        return PairSeries(dense: dense, sparse: dense.map(sparsify))
    }

    /// dot[lag] += Σ leader[i, t] × follower[i, t + lag] over the leader's non-zero changes.
    private static func accumulate(
        _ dot: inout [Int128], leader: Changes, follower: [Int64], ticks: Int, _ maxLag: Int
    ) {
        for (index, value) in leader {
            let tick = index % ticks
            let reach = min(maxLag, ticks - 1 - tick)
            guard reach >= 0 else { continue }
            for lag in 0...reach {
                let other = follower[index + lag]
                if other != 0 { dot[lag] += Int128(value) * Int128(other) }
            }
        }
    }

    private static func norm(_ changes: Changes) -> Int128 {
        changes.reduce(Int128(0)) { $0 + Int128($1.value) * Int128($1.value) }
    }

    /// Follower changes that repeat a leader change, and leader changes repeated.
    private struct Follow {
        var followed = 0
        var covered = 0
        var examples: [CopyFinding.Example] = []

        mutating func add(_ other: Follow) {
            followed += other.followed
            covered += other.covered
            examples += other.examples
        }

        /// Counts, for `lag`, the follower changes with a same-direction leader change of the same
        /// market `lag` − 1 … `lag` + 1 ticks earlier, and the leader changes so repeated.
        mutating func count(leader: [Int64], follower: Changes, lag: Int, tape: HeatTape, examples keep: Bool) {
            let ticks = tape.ticks
            var coveredIndexes = Set<Int>()
            for (index, value) in follower {
                let tick = index % ticks
                let base = index - tick
                for delta in [0, -1, 1] {
                    let source = tick - lag + delta
                    guard source >= 0, source < ticks else { continue }
                    let leaderValue = leader[base + source]
                    guard leaderValue != 0, (leaderValue > 0) == (value > 0) else { continue }
                    followed += 1
                    coveredIndexes.insert(base + source)
                    if keep, examples.count < 10 {
                        examples.append(
                            CopyFinding.Example(
                                runID: tape.runID, symbol: tape.instruments[index / ticks].symbol, leaderTick: source,
                                followerTick: tick, leaderChangeUSDT: leaderValue, followerChangeUSDT: value))
                    }
                    break
                }
            }
            covered += coveredIndexes.count
        }
    }
}
