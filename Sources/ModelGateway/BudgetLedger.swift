public import ContestModel

/// Each team's model spending in one run against the contest's budget. Only what the endpoint
/// answered is charged; platform failures and refused requests are free.
public struct BudgetLedger: Sendable, Hashable {
    /// One team's spending so far.
    public struct Usage: Sendable, Hashable {
        public var requests = 0
        public var inputTokens = 0
        public var outputTokens = 0
        /// Requests that failed on the platform's side (not charged).
        public var platformFailures = 0
        /// Requests refused for the team's own reasons (budget, model, malformed).
        public var refused = 0

        /// Nothing spent.
        public init() {}
    }

    public let budget: LLMBudgetSettings
    public private(set) var usage: [Int: Usage] = [:]

    /// A ledger for `budget` per team.
    public init(budget: LLMBudgetSettings) {
        self.budget = budget
    }

    /// Why `slot` may not make a request estimated at `inputTokens` prompt tokens, or nil.
    public func refusal(slot: Int, inputTokens: Int) -> String? {
        let used = usage[slot] ?? Usage()
        if used.requests >= budget.requests { return "request budget used up (\(used.requests)/\(budget.requests))" }
        if used.outputTokens >= budget.outputTokens {
            return "output-token budget used up (\(used.outputTokens)/\(budget.outputTokens))"
        }
        if used.inputTokens + inputTokens > budget.inputTokens {
            return "input-token budget would be exceeded (\(used.inputTokens) used + ~\(inputTokens) asked > "
                + "\(budget.inputTokens))"
        }
        return nil
    }

    /// Completion tokens `slot` may still spend.
    public func remainingOutputTokens(slot: Int) -> Int {
        max(0, budget.outputTokens - (usage[slot]?.outputTokens ?? 0))
    }

    /// Charges an answered request.
    public mutating func charge(slot: Int, inputTokens: Int, outputTokens: Int) {
        usage[slot, default: Usage()].requests += 1
        usage[slot, default: Usage()].inputTokens += inputTokens
        usage[slot, default: Usage()].outputTokens += outputTokens
    }

    /// Counts a platform failure (not charged).
    public mutating func notePlatformFailure(slot: Int) {
        usage[slot, default: Usage()].platformFailures += 1
    }

    /// Counts a request refused for the team's own reasons (not charged).
    public mutating func noteRefusal(slot: Int) {
        usage[slot, default: Usage()].refused += 1
    }
}
