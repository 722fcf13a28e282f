import MarketModel

/// A resting quote of a market maker.
struct Quote: Sendable, Hashable {
    var order: UInt64
    var side: Side
    var price: Int64
}

/// Runtime state of one market maker.
struct MarketMakerState: Sendable {
    let instrument: Int
    let account: Int
    let parameters: MarketMakerParameters
    var generator: SeededGenerator
    var quotes: [Quote] = []
    /// EWMA of the absolute fundamental move between re-quotes, in ticks.
    var moveAverage: Double = 0
    var lastFundamental: Int64 = 0
    var lastVolume: Int64 = 0
    let phase: Int64
}

/// Runtime state of one noise trader.
struct NoiseTraderState: Sendable {
    let instrument: Int
    let account: Int
    let parameters: NoiseTraderParameters
    var generator: SeededGenerator
}

/// Runtime state of one value agent.
struct ValueAgentState: Sendable {
    let instrument: Int
    let account: Int
    let parameters: ValueAgentParameters
    var generator: SeededGenerator
    /// Passive orders and the tick they expire.
    var resting: [(order: UInt64, expires: Int64)] = []
}
