public import BotProtocol
public import StrategyKit

/// The protocol `decision` of one rules reply, built from what the evaluator worked out
/// (`StrategyEvaluator.decisions`): one entry per rule that placed orders this tick.
///
/// - `model`: the strategy's name; `output`: the rules' names (`go-long, exit`);
/// - `inputs`: the values each rule's condition read (`go-long: gap=0.2 wide=5`);
/// - `rationale`: each rule's `when` text (`go-long: when gap > 0.1 and wide < 10`);
/// - `client_ids`: every `place` action of the reply (rules orders and risk closes alike).
///
/// Fields are cut to the protocol's byte limits at a character boundary.
public enum RulesDecision {
    /// Output of a reply whose orders no rule placed (only `risk.stop_loss`/`take_profit` closes).
    public static let riskOutput = "risk"

    /// The client id of the `index`-th (0-based) `place` action of the tick's reply: the tick in
    /// the high bits, `index + 1` in the low 20 (never 0, unique within a run).
    public static func clientID(tick: Int64, index: Int) -> UInt64 {
        (UInt64(max(0, tick)) << 20) | UInt64((index + 1) & 0xF_FFFF)
    }

    /// The decision binding `clientIDs`, or nil when the reply places nothing.
    public static func decision(strategy: String, rules: [StrategyDecision], clientIDs: [UInt64]) -> Decision? {
        guard !clientIDs.isEmpty else { return nil }
        let model = cut(strategy.isEmpty ? "rules" : strategy, 64)
        guard !rules.isEmpty else {
            return Decision(
                model: model, output: riskOutput, rationale: "risk limits (stop_loss/take_profit) closed a position",
                clientIDs: clientIDs)
        }
        let names = rules.map(\.rule).joined(separator: ", ")
        let output = names.isEmpty ? "rules" : names
        let inputs = rules.map { "\($0.rule): \($0.inputSummary)" }.joined(separator: "; ")
        let rationale = rules.map { "\($0.rule): " + ($0.condition.isEmpty ? "always" : "when \($0.condition)") }
            .joined(separator: "; ")
        return Decision(
            model: model, inputs: cut(inputs, 512), output: cut(output, 256),
            rationale: cut(rationale, Decision.maxRationaleBytes), clientIDs: clientIDs)
    }

    /// `text` cut to at most `limit` UTF-8 bytes, at a character boundary.
    static func cut(_ text: String, _ limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var result = ""
        var bytes = 0
        for character in text {
            let size = character.utf8.count
            if bytes + size > limit { break }
            result.append(character)
            bytes += size
        }
        return result
    }
}
