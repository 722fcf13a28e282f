/// Why a rule placed orders in a tick: the rule's name, its `when` condition and the values of
/// the names the condition reads (parameters, `let`s, state variables, market and account
/// fields), as the evaluator saw them. Hosts send it as the reply's protocol `decision`
/// (docs/BOT-PROTOCOL.md), so a rules bot's orders are explained like a model's.
public struct StrategyDecision: Hashable, Sendable {
    /// One name the condition reads and its value this tick (`nil`: not available yet).
    public struct Input: Hashable, Sendable {
        public var name: String
        public var value: Double?
    }

    /// The rule that placed the orders.
    public var rule: String
    /// The rule's `when` text ("" for a rule without a condition).
    public var condition: String
    /// The condition's inputs, in order of first appearance.
    public var inputs: [Input]

    /// `fast=101.5 slow=100.25` (8 decimals at most, `n/a` when not available).
    public var inputSummary: String {
        inputs.map { "\($0.name)=\($0.value.map(StrategyEvaluator.format) ?? "n/a")" }.joined(separator: " ")
    }
}
