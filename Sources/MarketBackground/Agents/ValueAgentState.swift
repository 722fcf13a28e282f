import MarketModel

/// Runtime state of one value agent.
struct ValueAgentState: Sendable {
    let instrument: Int
    let account: Int
    let parameters: ValueAgentParameters
    var generator: SeededGenerator
    /// Passive orders and the tick they expire.
    var resting: [(order: UInt64, expires: Int64)] = []
}
