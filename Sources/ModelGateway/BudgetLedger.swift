public import ContestModel

/// Each team's model spending in one run against the contest's budget. Only what the endpoint
/// answered is charged; platform failures and refused requests are free.
///
/// A request admitted to the endpoint *holds* one request, its estimated prompt tokens and its
/// completion-token cap until it ends, so requests in flight at the same time can never spend
/// more than the budget together (a bot sending many requests at once gets `budget_exhausted`
/// for those that do not fit, not a bill past its budget).
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

    /// What a team's requests in flight may still cost.
    struct Hold: Sendable, Hashable {
        var requests = 0
        var inputTokens = 0
        var outputTokens = 0
    }

    /// Largest token count one answer can charge, whatever the endpoint reports (a hostile or
    /// broken endpoint cannot overflow the ledger).
    public static let maxTokensPerAnswer = 100_000_000

    public let budget: LLMBudgetSettings
    public private(set) var usage: [Int: Usage] = [:]
    private var held: [Int: Hold] = [:]

    /// A ledger for `budget` per team.
    public init(budget: LLMBudgetSettings) {
        self.budget = budget
    }

    /// Why `slot` may not make a request estimated at `inputTokens` prompt tokens, or nil.
    public func refusal(slot: Int, inputTokens: Int) -> String? {
        let used = usage[slot] ?? Usage()
        let hold = held[slot] ?? Hold()
        func amount(_ used: Int, _ held: Int) -> String { held == 0 ? "\(used)" : "\(used) + \(held) in flight" }
        if used.requests + hold.requests >= budget.requests {
            return "request budget used up (\(amount(used.requests, hold.requests))/\(budget.requests))"
        }
        if used.outputTokens + hold.outputTokens >= budget.outputTokens {
            return
                "output-token budget used up (\(amount(used.outputTokens, hold.outputTokens))/\(budget.outputTokens))"
        }
        if used.inputTokens + hold.inputTokens + inputTokens > budget.inputTokens {
            return "input-token budget would be exceeded (\(amount(used.inputTokens, hold.inputTokens)) used + "
                + "~\(inputTokens) asked > \(budget.inputTokens))"
        }
        return nil
    }

    /// Completion tokens `slot` may still spend (less what its requests in flight hold).
    public func remainingOutputTokens(slot: Int) -> Int {
        max(0, budget.outputTokens - (usage[slot]?.outputTokens ?? 0) - (held[slot]?.outputTokens ?? 0))
    }

    /// Holds one request of `slot` with its estimated prompt and its completion cap while it is
    /// in flight. Pair with ``release(slot:inputTokens:outputTokens:)``.
    public mutating func hold(slot: Int, inputTokens: Int, outputTokens: Int) {
        held[slot, default: Hold()].requests += 1
        held[slot, default: Hold()].inputTokens += inputTokens
        held[slot, default: Hold()].outputTokens += outputTokens
    }

    /// Ends the hold of a request that is no longer in flight.
    public mutating func release(slot: Int, inputTokens: Int, outputTokens: Int) {
        held[slot, default: Hold()].requests -= 1
        held[slot, default: Hold()].inputTokens -= inputTokens
        held[slot, default: Hold()].outputTokens -= outputTokens
        if held[slot]?.requests == 0 { held[slot] = nil }
    }

    /// Charges an answered request (token counts clamped to 0...``maxTokensPerAnswer``).
    public mutating func charge(slot: Int, inputTokens: Int, outputTokens: Int) {
        usage[slot, default: Usage()].requests += 1
        usage[slot, default: Usage()].inputTokens += Self.clamp(inputTokens)
        usage[slot, default: Usage()].outputTokens += Self.clamp(outputTokens)
    }

    /// Counts a platform failure (not charged).
    public mutating func notePlatformFailure(slot: Int) {
        usage[slot, default: Usage()].platformFailures += 1
    }

    /// Counts a request refused for the team's own reasons (not charged).
    public mutating func noteRefusal(slot: Int) {
        usage[slot, default: Usage()].refused += 1
    }

    /// `tokens` within 0...``maxTokensPerAnswer``.
    public static func clamp(_ tokens: Int) -> Int {
        min(max(0, tokens), maxTokensPerAnswer)
    }
}
