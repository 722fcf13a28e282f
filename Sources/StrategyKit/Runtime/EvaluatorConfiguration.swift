/// Run-time settings of a `StrategyEvaluator`.
public struct EvaluatorConfiguration: Hashable, Sendable {
    /// Steps allowed per tick; `nil` uses the strategy's `stepBudget` (the contest limit).
    public var stepBudget: Int?
    /// Most log lines kept per tick (further ones are dropped, with a note).
    public var maxLogLinesPerTick: Int
    /// Longest log line kept, in characters.
    public var maxLogLineLength: Int

    /// Creates a configuration.
    public init(stepBudget: Int? = nil, maxLogLinesPerTick: Int = 16, maxLogLineLength: Int = 300) {
        self.stepBudget = stepBudget
        self.maxLogLinesPerTick = maxLogLinesPerTick
        self.maxLogLineLength = maxLogLineLength
    }
}
