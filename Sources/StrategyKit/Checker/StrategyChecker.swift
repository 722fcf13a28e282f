/// Checks a parsed document against a contest's limits and compiles it for the evaluator.
public enum StrategyChecker {
    /// Type-checks `document`, resolves its names and markets, validates lookbacks and risk
    /// settings, and bounds its cost per tick.
    ///
    /// - Returns: the compiled strategy, whose `costBound` is the most steps one tick can take.
    /// - Throws: `StrategyError` listing every located problem (unknown names with the closest
    ///   valid one, type errors, lookbacks above `limits.maxLookback`, non-constant lookbacks,
    ///   a cost bound above `limits.maxStepsPerTick`, unknown instruments, ...).
    public static func check(_ document: StrategyDocument, limits: CheckLimits) throws(StrategyError) -> CheckedStrategy
    {
        var compiler = StrategyCompiler(document: document, limits: limits)
        return try compiler.compile()
    }
}
