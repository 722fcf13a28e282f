public import BotProtocol
public import MarketModel
public import StrategyKit

/// One `rules` strategy as a bot: checked against the heat's instruments at `hello`, then one
/// evaluator step per tick. The one implementation behind `arena-worker` (a sandboxed process
/// speaking the protocol), `InProcessBots` and the runner's in-process rules host, so the three
/// produce the same actions for the same inputs.
///
/// Total: `start` throws a `StrategyError` for a document that does not check; `step` never
/// traps (the evaluator's arithmetic is checked, its steps are budgeted, its memory and lookback
/// bounded by the checker) and returns no actions when the step budget runs out.
public struct RulesSession: Sendable {
    /// Step budget per tick every host grants a rules strategy.
    public static let maxStepsPerTick = 1_000_000
    /// Longest indicator lookback every host accepts.
    public static let maxLookback = 10_000

    let document: StrategyDocument
    private var evaluator: StrategyEvaluator?
    /// The conversion between wire messages and the evaluator's inputs (set by `start`).
    public private(set) var translator: RulesObservationTranslator?
    /// The contest asks for decisions (`hello.decisions_required`): the session then numbers its
    /// orders (`RulesDecision.clientID`) and explains them (`lastDecision`). Otherwise its orders
    /// carry no client ids and it sends no decisions, exactly as before decisions existed.
    public private(set) var sendsDecisions = false
    /// The decision of the last `step`'s reply (nil when it placed nothing or decisions are off).
    public private(set) var lastDecision: Decision?
    private var strategyName = ""

    /// A session for `document` (not yet checked).
    public init(document: StrategyDocument) {
        self.document = document
    }

    /// The strategy specs for the heat's instruments: the catalog spec of each symbol, in the
    /// hello's order (`InstrumentID(i)` is the hello's `i`-th instrument).
    public static func specs(_ hello: Hello) -> [InstrumentSpec] {
        hello.instruments.map { info in
            [InstrumentSpec.btcPerp, .ethPerp].first { $0.symbol == info.symbol } ?? InstrumentSpec.btcPerp
        }
    }

    /// Checks the strategy against the heat's instruments and limits; returns the log line the
    /// bot writes when it is ready.
    public mutating func start(_ hello: Hello) throws -> String {
        let specs = Self.specs(hello)
        let checked = try StrategyChecker.check(
            document,
            limits: CheckLimits(
                maxLookback: Self.maxLookback, maxStepsPerTick: Self.maxStepsPerTick, instruments: specs,
                maxOrdersPerTick: hello.limits.maxActionsPerTick))
        evaluator = try StrategyEvaluator(strategy: checked, instruments: specs)
        translator = RulesObservationTranslator(instruments: specs)
        sendsDecisions = hello.decisionsRequired == true
        strategyName = checked.name
        return "rules strategy \(checked.name) ready; cost bound \(checked.costBound) steps/tick"
    }

    /// The strategy has been started (a failed `start` leaves it unstarted).
    public var isStarted: Bool { evaluator != nil }

    /// One tick from a wire observation: the bot's actions and log lines.
    public mutating func reply(to observation: Observation) -> (actions: [BotAction], logs: [String]) {
        guard let translator else { return ([], []) }
        return step(translator.input(observation))
    }

    /// One tick from an evaluator input the host built itself (exactly what the translator
    /// would build from the same tick's observation).
    public mutating func step(_ input: StrategyInput) -> (actions: [BotAction], logs: [String]) {
        lastDecision = nil
        guard evaluator != nil, let translator else { return ([], []) }
        let output = evaluator!.step(input)  // in place: no copy of the evaluator's buffers
        var logs = output.logs
        if output.budgetExceeded { logs.append("step budget exceeded; no actions this tick") }
        var actions = output.actions.map(translator.action)
        if sendsDecisions { lastDecision = bind(&actions, tick: input.tick) }
        return (actions, logs)
    }

    /// Numbers the `place` actions of a reply and returns the decision explaining them.
    private func bind(_ actions: inout [BotAction], tick: Int64) -> Decision? {
        var ids: [UInt64] = []
        for offset in actions.indices {
            guard case .place(var order) = actions[offset] else { continue }
            order.clientID = RulesDecision.clientID(tick: tick, index: ids.count)
            ids.append(order.clientID!)
            actions[offset] = .place(order)
        }
        return RulesDecision.decision(strategy: strategyName, rules: evaluator?.decisions ?? [], clientIDs: ids)
    }
}
