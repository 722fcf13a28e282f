/// Work done every tick before the rules, in dependency order.
enum PreludeStep: Sendable {
    /// Evaluates a `let` into its slot.
    case define(slot: Int, code: CodeRange)
    /// Feeds an indicator its inputs and stores its value (index into the indicator sites).
    case update(Int)
}
