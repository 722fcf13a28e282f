public import MarketModel

/// A strategy that passed the checker: typed, bounded, and ready to evaluate.
public struct CheckedStrategy: Sendable {
    /// The document's `name`.
    public let name: String
    /// Instrument symbols traded, in document order (the first is the default market).
    public let markets: [String]
    /// Upper bound of the steps one `step` call can use; never above `limits.maxStepsPerTick`.
    public let costBound: Int
    /// Step budget the evaluator enforces (the contest's `maxStepsPerTick`).
    public let stepBudget: Int
    /// Ticks of history the slowest indicator needs before its value is available.
    public let warmupTicks: Int
    /// The specs of `markets`, from the check limits.
    public let instrumentSpecs: [InstrumentSpec]

    let program: Program
}
