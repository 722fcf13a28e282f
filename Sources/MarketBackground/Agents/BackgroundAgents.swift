import MarketModel

/// All background agents. House account ids are assigned in a fixed order: per instrument,
/// its market makers, then noise traders, then value agents (starting at `firstAccount`); each
/// agent's generator is the stream numbered by its account id. A depth provider, when the
/// instrument has a depth profile, follows the value agents of its instrument.
struct BackgroundAgents: Sendable {
    var makers: [MarketMakerState] = []
    var noise: [NoiseTraderState] = []
    var value: [ValueAgentState] = []
    var depth: [DepthProviderState] = []
    private(set) var count = 0

    init(instruments: [InstrumentBackground], seed: UInt64, firstAccount: Int) {
        var next = firstAccount
        for (i, background) in instruments.enumerated() {
            for (n, parameters) in background.marketMakers.enumerated() {
                makers.append(
                    MarketMakerState(
                        instrument: i, account: next, parameters: parameters,
                        generator: SeededGenerator(seed: seed, stream: UInt64(next)), phase: Int64(n)))
                next += 1
            }
            for parameters in background.noiseTraders {
                noise.append(
                    NoiseTraderState(
                        instrument: i, account: next, parameters: parameters,
                        generator: SeededGenerator(seed: seed, stream: UInt64(next))))
                next += 1
            }
            for parameters in background.valueAgents {
                value.append(
                    ValueAgentState(
                        instrument: i, account: next, parameters: parameters,
                        generator: SeededGenerator(seed: seed, stream: UInt64(next))))
                next += 1
            }
            if let profile = background.depth {
                let start = max(1, background.startPrice.ticks)
                let distances = profile.tickDistances(start: start)
                depth.append(
                    DepthProviderState(
                        instrument: i, account: next, profile: profile, firstTicks: distances.first,
                        spacingTicks: distances.spacing,
                        sizes: (0..<max(0, profile.levels)).map { profile.lots(atLevel: $0) }))
                next += 1
            }
        }
        count = next - firstAccount
    }
}
