import MarketModel

/// Runtime state of one noise trader.
struct NoiseTraderState: Sendable {
    let instrument: Int
    let account: Int
    let parameters: NoiseTraderParameters
    var generator: SeededGenerator
}
