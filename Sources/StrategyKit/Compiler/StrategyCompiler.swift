import MarketModel

/// Resolves names, checks types and emits the program; one instance per check.
struct StrategyCompiler {
    enum DefinitionState {
        case pending, visiting
        case done(ValueType)
        case failed
    }

    let document: StrategyDocument
    let limits: CheckLimits
    var sink: DiagnosticSink
    var program: Program
    var marketIndex: [String: Int] = [:]
    var specs: [InstrumentSpec] = []
    var parameters: [String: ParameterDefinition] = [:]
    var letIndex: [String: Int] = [:]
    var letStates: [DefinitionState] = []
    var letChain: [String] = []
    var stateIndex: [String: Int] = [:]
    var stateTypes: [ValueType] = []
    var indicatorKeys: [String: Int] = [:]
    /// Cost and location of each indicator site, for the "most expensive part" message.
    var indicatorOrigins: [(location: SourceLocation, text: String)] = []
    var warmup = 0

    static let keywords = ["and", "or", "not", "true", "false", "all"]

    /// A compiler for `document`; `earlier` holds problems already found while reading it, which
    /// are reported together with the checker's.
    init(document: StrategyDocument, limits: CheckLimits, earlier: DiagnosticSink? = nil) {
        self.document = document
        self.limits = limits
        self.sink = earlier ?? DiagnosticSink(source: document.source)
        let layout = SlotLayout(
            marketCount: document.markets.count, stateCount: document.states.count,
            letCount: document.lets.count)
        self.program = Program(layout: layout, risk: RiskSettings(maxOrdersPerTick: limits.maxOrdersPerTick))
    }

    mutating func compile() throws(StrategyError) -> CheckedStrategy {
        guard document.runtime == .rules else {
            throw StrategyError(
                code: .unsupportedRuntime,
                diagnostics: [
                    document.source.diagnostic(
                        at: .start, text: document.runtime.rawValue,
                        message: "runtime \(document.runtime.rawValue) has no rules to check",
                        expected: "runtime: rules")
                ])
        }
        declareMarkets()
        declareNames()
        for index in document.lets.indices { _ = compileLet(index) }
        compileRules()
        program.risk = validateRisk(document.risk)
        if let error = sink.makeError() { throw error }
        let bound = costBound()
        if bound > limits.maxStepsPerTick {
            reportCost(bound)
            throw sink.makeError()!
        }
        return CheckedStrategy(
            name: document.name, markets: document.markets.map(\.symbol), costBound: bound,
            stepBudget: limits.maxStepsPerTick, warmupTicks: warmup, instrumentSpecs: specs, program: program)
    }

    private mutating func declareMarkets() {
        let symbols = limits.instruments.map(\.symbol)
        for (index, binding) in document.markets.enumerated() {
            if let spec = limits.instruments.first(where: { $0.symbol == binding.symbol }) {
                specs.append(spec)
            } else {
                specs.append(limits.instruments.first ?? .btcPerp)
                sink.unknownName(
                    .unknownInstrument, kind: "instrument", name: binding.symbol, at: binding.location,
                    candidates: symbols,
                    expected: "one of this contest's instruments: "
                        + symbols.joined(separator: ", "))
            }
            if marketIndex[binding.alias] != nil {
                sink.error(
                    .schema, at: binding.location, text: binding.symbol,
                    "market alias '\(binding.alias)' is used twice",
                    expected: "distinct markets (use the mapping form `alias: SYMBOL` to rename)")
            }
            marketIndex[binding.alias] = index
        }
    }

    private func isBuiltin(_ name: String) -> Bool {
        MarketField.byName[name] != nil || AccountField.byName[name] != nil || IndicatorKind(rawValue: name) != nil
            || PureFunction(rawValue: name) != nil || Self.keywords.contains(name)
    }

    private mutating func declare(_ name: String, at location: SourceLocation, taken: inout Set<String>) -> Bool {
        if isBuiltin(name) {
            sink.error(
                .schema, at: location, text: name, "'\(name)' is a built-in name and cannot be redefined",
                expected: "another name, e.g. my_\(name)")
            return false
        }
        if !taken.insert(name).inserted {
            sink.error(
                .schema, at: location, text: name, "'\(name)' is defined more than once",
                expected: "one definition per name across params, let, state and markets")
            return false
        }
        return true
    }

    private mutating func declareNames() {
        var taken = Set<String>()
        var nonConstantStates: [NamedExpression] = []
        for binding in document.markets { _ = declare(binding.alias, at: binding.location, taken: &taken) }
        for parameter in document.parameters where declare(parameter.name, at: parameter.location, taken: &taken) {
            parameters[parameter.name] = parameter
        }
        for (index, state) in document.states.enumerated() {
            _ = declare(state.name, at: state.location, taken: &taken)
            stateIndex[state.name] = index
            let expression = state.expression
            if case .bool(let value) = expression.node {
                stateTypes.append(.bool)
                program.stateInitial.append(value ? 1 : 0)
            } else if let value = constant(expression) {
                stateTypes.append(.number)
                program.stateInitial.append(value)
            } else {
                stateTypes.append(.number)
                program.stateInitial.append(0)
                nonConstantStates.append(state)
            }
        }
        for (index, definition) in document.lets.enumerated() {
            _ = declare(definition.name, at: definition.location, taken: &taken)
            letIndex[definition.name] = index
            letStates.append(.pending)
        }
        // Once every name is declared: a misspelling is reported as one, not as a non-constant.
        for state in nonConstantStates where !reportUnknownNames(in: state.expression) {
            sink.error(
                .invalidValue, at: state.expression.location, text: state.expression.text,
                "the initial value of state '\(state.name)' must be a constant",
                expected: "a number, true/false, or arithmetic on params")
        }
    }

    /// Compiles `let` number `index` (and, first, everything it depends on); returns its type.
    mutating func compileLet(_ index: Int) -> ValueType? {
        let definition = document.lets[index]
        switch letStates[index] {
        case .done(let type): return type
        case .failed: return nil
        case .visiting:
            let cycle = (letChain.drop(while: { $0 != definition.name }) + [definition.name]).joined(separator: " → ")
            sink.error(
                .cyclicDefinition, at: definition.location, text: definition.name,
                "'\(definition.name)' depends on itself: \(cycle)",
                expected: "definitions that refer only to earlier values (use prev(x, 1) or state for history)")
            letStates[index] = .failed
            return nil
        case .pending: break
        }
        letStates[index] = .visiting
        letChain.append(definition.name)
        defer { letChain.removeLast() }
        guard let code = compileExpression(definition.expression) else {
            letStates[index] = .failed
            return nil
        }
        program.prelude.append(.define(slot: program.layout.letBase + index, code: code))
        letStates[index] = .done(code.type)
        return code.type
    }
}
