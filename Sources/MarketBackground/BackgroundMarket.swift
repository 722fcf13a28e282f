package import MarketModel

/// The seeded background market of one run: a price process per instrument (the index, or
/// fundamental) and the house agents (market makers, noise traders, value agents) that trade
/// against the book through a `HouseDesk`.
///
/// Floating point lives here and only here: the price processes run in `Double` log-space with
/// `DeterministicMath` and are rounded onto the tick grid on every step, and the agents size their
/// orders with it; everything they hand to the exchange is an integer. Same configuration, seed
/// and order flow, same draws, bit for bit.
package struct BackgroundMarket: Sendable {
    var processes: [PriceProcess]
    var agents: BackgroundAgents

    /// The background of `instruments` (one entry per listed instrument, in `InstrumentID` order)
    /// for run seed `seed`; house agents get account ids from `firstHouseAccount` on, in the order
    /// per instrument: market makers, noise traders, value agents.
    package init(instruments: [InstrumentBackground], seed: UInt64, tickMilliseconds: Int64, firstHouseAccount: Int) {
        processes = instruments.enumerated().map { index, background in
            PriceProcess(
                model: background.priceModel, start: background.startPrice, seed: seed, instrument: index,
                tickMilliseconds: tickMilliseconds, injectedDraws: background.injectedDraws ?? [])
        }
        agents = BackgroundAgents(instruments: instruments, seed: seed, firstAccount: firstHouseAccount)
    }

    /// An empty background: stands in while the real one trades on the exchange it belongs to.
    package static let detached = BackgroundMarket(
        instruments: [], seed: 0, tickMilliseconds: 1, firstHouseAccount: 0)

    /// Number of house accounts the agents trade from (consecutive ids from `firstHouseAccount`).
    package var houseAccountCount: Int { agents.count }

    /// The price in force for `instrument`: the index in ticks and, for an explicit path, the
    /// pinned mark and funding rate of the current tick.
    package func price(_ instrument: Int) -> PricePoint {
        let process = processes[instrument]
        let point = process.currentPoint
        return PricePoint(
            index: Price(ticks: process.currentTicks), mark: point?.mark, fundingRate: point?.fundingRate)
    }

    /// Intermediate quantities of `instrument`'s last price step (organiser-selectable models
    /// only; `nil` for the built-in jump diffusion, a path or a constant).
    package func priceStepTrace(_ instrument: Int) -> PriceStepTrace? { processes[instrument].trace }

    /// Advances every price process by one tick.
    package mutating func stepPrices() {
        for index in processes.indices { processes[index].step() }
    }

    /// Runs every agent once, in a fixed order (all makers, depth providers, noise traders, then
    /// value agents).
    package mutating func trade<Desk: HouseDesk>(on desk: inout Desk) {
        for m in agents.makers.indices { runMaker(m, on: &desk) }
        for d in agents.depth.indices { runDepth(d, on: &desk) }
        for n in agents.noise.indices { runNoise(n, on: &desk) }
        for v in agents.value.indices { runValue(v, on: &desk) }
    }

    /// Feeds the background's state to a state hash as 64-bit words, in a fixed order: per price
    /// process its index, log price and variance (IEEE bit patterns), regime and generator; then
    /// per agent its generator and live orders.
    package func combineState(into combine: (UInt64) -> Void) {
        for p in processes {
            let (s0, s1, s2, s3) = p.generator.state
            combine(UInt64(bitPattern: p.currentTicks))
            combine(p.logPrice.bitPattern)
            combine(p.variance.bitPattern)
            combine(p.volatileRegime ? 1 : 0)
            combine(s0 ^ s1 ^ s2 ^ s3)
        }
        for m in agents.makers {
            combine(m.generator.state.0)
            for q in m.quotes { combine(q.order) }
        }
        for n in agents.noise { combine(n.generator.state.0) }
        for v in agents.value {
            combine(v.generator.state.0)
            for r in v.resting { combine(r.order) }
        }
        for d in agents.depth {
            for q in d.quotes { combine(q.order) }
        }
    }
}
