import AuditLog
import BotProtocol

/// Binds a reply's `decision` to its orders for the transcript and applies the contest's
/// decision rule (`decisions.required`): a `place` action no decision of its reply is bound to
/// is refused at the boundary with ``DecisionGate/requiredReason``.
struct DecisionGate {
    /// The rejection reason of an order without a decision where one is required.
    static let requiredReason = "decision_required"

    /// Whether every order needs a decision.
    let required: Bool

    /// The record of `decision` bound to `actions`, or nil when there is none (or it does not
    /// bind: the codec refuses such replies from real bots, so only scripted ones get here).
    static func record(_ decision: Decision?, actions: [BotAction]) -> DecisionRecord? {
        guard let decision, let bound = try? decision.validate(against: actions) else { return nil }
        return DecisionRecord(
            clientIDs: bound, model: decision.model, version: decision.version ?? "",
            inputsDigest: decision.inputsDigest ?? "", inputs: decision.inputs ?? "", output: decision.output,
            rationale: decision.rationale ?? "", confidence: decision.confidence ?? "")
    }

    /// The reason to refuse `action`, or nil to let it through.
    func refusal(_ action: BotAction, decision: DecisionRecord?) -> String? {
        guard required, case .place(let order) = action else { return nil }
        guard let decision, let id = order.clientID, decision.clientIDs.contains(id) else {
            return Self.requiredReason
        }
        return nil
    }
}
