public import MarketModel

/// Runs a checked strategy one tick at a time. Deterministic: the same inputs give the same
/// outputs on the same binary; no clocks, no randomness, no I/O.
///
/// Each `step` loads the tick's data, updates every indicator (whether or not a rule uses it this
/// tick), computes the `let` values, applies stop-loss/take-profit, then runs the rules in order.
public struct StrategyEvaluator: Sendable {
    /// The strategy's static cost bound (steps per tick).
    public let costBound: Int
    /// Steps allowed per tick.
    public let stepBudget: Int
    let program: Program
    let configuration: EvaluatorConfiguration
    /// Per strategy market: its spec and its index in the host's instrument list.
    let specs: [InstrumentSpec]
    let instrumentIndex: [Int]
    var storage: EvaluatorStorage
    var indicators: [IndicatorState]
    let plans: [IndicatorPlan]
    var stateBackup: [Double]
    var context: TickContext
    var positions: [Int64]
    /// A tick has completed (risk.max_leverage is applied on the first completed tick).
    var started = false
    /// Why orders were placed in the last ``step(_:)``: one entry per rule that placed any, in
    /// rule order (empty when none did, or when the step budget ran out).
    public internal(set) var decisions: [StrategyDecision] = []

    /// Prepares to evaluate `strategy` on a market whose instruments are `instruments`
    /// (`InstrumentID(i)` is `instruments[i]`, and inputs are indexed the same way).
    ///
    /// - Throws: `StrategyError` (`instrument_mismatch`) when a strategy market is missing or its
    ///   spec differs from the one the strategy was checked against.
    public init(
        strategy: CheckedStrategy, instruments: [InstrumentSpec], configuration: EvaluatorConfiguration = .init()
    ) throws(StrategyError) {
        var indexes: [Int] = []
        for (symbol, checked) in zip(strategy.markets, strategy.instrumentSpecs) {
            guard let index = instruments.firstIndex(where: { $0.symbol == symbol }), instruments[index] == checked
            else {
                throw StrategyError(
                    code: .instrumentMismatch,
                    diagnostics: [
                        Diagnostic(
                            file: strategy.name, line: 1, column: 1, offendingText: symbol,
                            message:
                                "instrument \(symbol) is not traded here with the spec the strategy was checked against",
                            expected: "instruments: " + instruments.map(\.symbol).joined(separator: ", "))
                    ])
            }
            indexes.append(index)
        }
        program = strategy.program
        self.configuration = configuration
        costBound = strategy.costBound
        stepBudget = configuration.stepBudget ?? strategy.stepBudget
        specs = strategy.instrumentSpecs
        instrumentIndex = indexes
        storage = EvaluatorStorage(
            operations: program.operations, slotCount: program.layout.total(indicators: program.indicators.count),
            stackSize: program.maxStack + 4,
            grids: strategy.instrumentSpecs.map { GridStep(tickUnits: $0.tickSize.units, lotsPerCoin: $0.lotsPerCoin) })
        for (offset, value) in program.stateInitial.enumerated() {
            storage.slots[program.layout.stateBase + offset] = value
        }
        indicators = program.indicators.map(IndicatorState.init(site:))
        plans = program.indicators.map(IndicatorPlan.init(site:))
        stateBackup = program.stateInitial
        context = TickContext(markets: indexes.count)
        positions = [Int64](repeating: 0, count: indexes.count)
    }

    /// Evaluates one tick.
    ///
    /// If the step budget runs out mid-tick, the output has no actions, `budgetExceeded` is set
    /// and state variables keep their values from before the tick.
    public mutating func step(_ input: StrategyInput) -> StrategyOutput {
        if !isKnownUniquelyReferenced(&storage) { storage = EvaluatorStorage(copying: storage) }
        var steps = Program.baseSteps + Program.perMarketSteps * specs.count
        load(input)
        let positions = self.positions
        context.reset { positions[$0] }
        decisions.removeAll(keepingCapacity: true)
        for offset in stateBackup.indices { stateBackup[offset] = slots[program.layout.stateBase + offset] }
        runPrelude(&steps)
        guard steps <= stepBudget else { return abort(steps) }
        if !started {
            if let leverage = program.risk.maxLeverage {
                for market in specs.indices {
                    emit(
                        .setLeverage(
                            InstrumentID(UInt16(instrumentIndex[market])),
                            min(leverage, specs[market].maxLeverage)))
                }
            }
        }
        applyStops()
        let rules = program.rules
        for index in rules.indices {
            if let condition = rules[index].condition {
                let value = evaluate(condition, &steps)
                guard steps <= stepBudget else { return abort(steps) }
                if value == 0 || value.isNaN { continue }
            }
            let before = context.actions.count
            for action in rules[index].actions {
                perform(action, rule: rules[index].name, steps: &steps)
                guard steps <= stepBudget else { return abort(steps) }
            }
            if context.actions[before...].contains(where: { if case .place? = $0 { true } else { false } }) {
                decisions.append(decision(rules[index]))
            }
        }
        started = true
        let actions = context.actions.compactMap { $0 }
        var logs = context.logs
        if context.droppedLogs > 0 { logs.append("(\(context.droppedLogs) more log lines dropped this tick)") }
        return StrategyOutput(actions: actions, logs: logs, stepsUsed: steps, budgetExceeded: false)
    }

    /// The decision of a rule that placed orders: its name, condition and the condition's inputs
    /// (read without charging steps).
    private func decision(_ rule: CompiledRule) -> StrategyDecision {
        var free = 0
        return StrategyDecision(
            rule: rule.name, condition: rule.conditionText,
            inputs: rule.inputs.map {
                let value = evaluate($0.code, &free)
                return StrategyDecision.Input(name: $0.name, value: value.isNaN ? nil : value)
            })
    }

    private mutating func abort(_ steps: Int) -> StrategyOutput {
        decisions.removeAll()
        for offset in stateBackup.indices { slots[program.layout.stateBase + offset] = stateBackup[offset] }
        let message = "step budget exceeded: used \(steps) of \(stepBudget) steps; no actions this tick"
        return StrategyOutput(actions: [], logs: [message], stepsUsed: steps, budgetExceeded: true)
    }

    /// The value slots (market data, account, state, lets, indicators).
    var slots: UnsafeMutableBufferPointer<Double> { storage.slots }

    func evaluate(_ code: CodeRange, _ steps: inout Int) -> Double {
        Interpreter.run(code, storage: storage, steps: &steps)
    }

    private mutating func runPrelude(_ steps: inout Int) {
        for step in program.prelude {
            switch step {
            case .define(let slot, let code):
                let value = evaluate(code, &steps)
                slots[slot] = value
                steps += 1
            case .update(let index):
                let plan = plans[index]
                var x = Double.nan
                var y = Double.nan
                if plan.isVolumeWeighted {
                    let last = slots[program.layout.market(plan.market, .last)]
                    x = last.isNaN ? slots[program.layout.market(plan.market, .mark)] : last
                    y = slots[program.layout.market(plan.market, .volume)]
                } else {
                    x = evaluate(plan.input, &steps)
                    if let second = plan.secondInput { y = evaluate(second, &steps) }
                }
                slots[plan.slot] = indicators[index].update(x, y)
                steps += plan.updateCost
            }
        }
    }
}
