/// What one evaluation step produced.
public struct StrategyOutput: Hashable, Sendable, Codable {
    /// Actions in the order the rules produced them; empty when the budget was exceeded.
    public var actions: [StrategyAction]
    /// Messages from `log` actions and from risk controls (capped per tick).
    public var logs: [String]
    /// Steps used this tick (at most `CheckedStrategy.costBound`).
    public var stepsUsed: Int
    /// The per-tick step budget ran out; no actions were emitted and state changes were undone.
    public var budgetExceeded: Bool

    /// Creates an output.
    public init(actions: [StrategyAction] = [], logs: [String] = [], stepsUsed: Int = 0, budgetExceeded: Bool = false) {
        self.actions = actions
        self.logs = logs
        self.stepsUsed = stepsUsed
        self.budgetExceeded = budgetExceeded
    }
}
