/// All background agents. House account ids are assigned in a fixed order: per instrument,
/// its market makers, then noise traders, then value agents (starting at account 1).
struct BackgroundAgents: Sendable {
    var makers: [MarketMakerState] = []
    var noise: [NoiseTraderState] = []
    var value: [ValueAgentState] = []
    private(set) var count = 0

    init(configuration: MarketConfiguration, seed: UInt64) {
        var next = 1
        for i in 0..<configuration.instruments.count {
            let background = configuration.background(of: i)
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
        }
        count = next - 1
    }
}
