/// One call of an indicator in the document, with its compiled inputs and constant arguments.
struct IndicatorSite: Sendable {
    var kind: IndicatorKind
    var inputs: [CodeRange]
    var lookbacks: [Int]
    var multiplier: Double
    /// Strategy market index whose `last`/`volume` feed `vwap`.
    var market: Int
    /// Slot receiving the indicator's value each tick.
    var slot: Int

    var cost: Int { kind.cost(lookbacks: lookbacks) + inputs.reduce(0) { $0 + $1.cost } }
}
