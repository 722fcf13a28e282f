import MarketModel

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
