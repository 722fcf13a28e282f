import MarketModel

extension StrategyCompiler {
    mutating func compileRules() {
        if document.rules.isEmpty {
            sink.error(
                .schema, at: document.rulesLocation, text: "rules", "'rules' is empty",
                expected: "at least one rule")
        }
        for rule in document.rules {
            var condition: CodeRange?
            if let expression = rule.condition, let code = compileExpression(expression) {
                condition = code
                if code.type != .bool {
                    sink.error(
                        .typeMismatch, at: expression.location, text: expression.text,
                        "'when' must be a condition, but this is a \(code.type.rawValue)",
                        expected: "a comparison such as `\(expression.text) > 0`")
                }
            }
            let actions = rule.actions.compactMap { compileAction($0) }
            var compiled = CompiledRule(name: rule.name, condition: condition, actions: actions)
            if let expression = rule.condition, condition != nil {
                compiled.conditionText = expression.text
                compiled.inputs = conditionInputs(expression)
            }
            program.rules.append(compiled)
        }
    }

    /// The names a condition reads (parameters, lets, states, market and account fields), each
    /// compiled to its own code for the rule's decision; indicator calls are read through the
    /// `let`s that name them.
    private mutating func conditionInputs(_ expression: Expression) -> [(name: String, code: CodeRange)] {
        var seen: Set<String> = []
        var inputs: [(name: String, code: CodeRange)] = []
        func visit(_ node: Expression) {
            switch node.node {
            case .name(let name):
                guard !seen.contains(name), isDeclared(name), marketIndex[name] == nil,
                    !Self.keywords.contains(name), let code = compileExpression(node), code.type != .bool
                else { return }
                seen.insert(name)
                inputs.append((name, code))
            case .member:
                let text = node.text
                guard !seen.contains(text), let code = compileExpression(node) else { return }
                seen.insert(text)
                inputs.append((text, code))
            case .call(_, _, let arguments):
                for argument in arguments { visit(argument) }
            case .unary(_, let operand):
                visit(operand)
            case .binary(_, let lhs, let rhs):
                visit(lhs)
                visit(rhs)
            case .number, .bool:
                break
            }
        }
        visit(expression)
        return inputs
    }

    private mutating func market(_ reference: NameReference?) -> Int? {
        guard let reference else { return nil }
        if let index = marketIndex[reference.name] { return index }
        if let index = document.markets.firstIndex(where: { $0.symbol == reference.name }) { return index }
        sink.unknownName(
            .unknownName, kind: "market", name: reference.name, at: reference.location,
            candidates: document.markets.map(\.alias),
            expected: "a market alias: " + document.markets.map(\.alias).joined(separator: ", "))
        return nil
    }

    private mutating func number(_ expression: Expression, what: String) -> CodeRange? {
        guard let code = compileExpression(expression) else { return nil }
        if code.type != .number {
            sink.error(
                .typeMismatch, at: expression.location, text: expression.text,
                "\(what) must be a number, but this is a \(code.type.rawValue)", expected: "a number")
            return nil
        }
        return code
    }

    private mutating func compileAction(_ action: ActionDefinition) -> CompiledAction? {
        switch action.kind {
        case .order(let side, let options):
            return compileOrder(options, side: side).map { .order($0) }
        case .target(let options):
            return compileOrder(options, side: nil).map { .order($0) }
        case .close(let reference):
            let index = market(reference)
            if reference != nil && index == nil { return nil }
            return .close(index)
        case .cancelAll(let reference):
            let index = market(reference)
            if reference != nil && index == nil { return nil }
            return .cancelAll(index)
        case .setLeverage(let reference, let expression):
            let index = market(reference)
            guard reference == nil || index != nil, let code = number(expression, what: "leverage") else { return nil }
            if let value = constant(expression) {
                let cap = (index.map { [specs[$0]] } ?? specs).map(\.maxLeverage).min() ?? 1
                if value < 1 || value > Double(cap) || value != value.rounded() {
                    sink.error(
                        .invalidValue, at: expression.location, text: expression.text,
                        "leverage \(expression.text) is outside 1...\(cap)",
                        expected: "a whole number from 1 to \(cap)")
                }
            }
            return .setLeverage(index, code)
        case .assign(let assignments):
            var pairs: [(slot: Int, code: CodeRange)] = []
            for assignment in assignments {
                guard let index = stateIndex[assignment.name] else {
                    let isOther = letIndex[assignment.name] != nil || parameters[assignment.name] != nil
                    if isOther {
                        sink.error(
                            .schema, at: assignment.location, text: assignment.name,
                            "'\(assignment.name)' is not a state variable and cannot be set",
                            expected: "a name declared under 'state:'")
                    } else {
                        sink.unknownName(
                            kind: "state variable", name: assignment.name, at: assignment.location,
                            candidates: stateIndex.keys.sorted(), expected: "a name declared under 'state:'")
                    }
                    continue
                }
                guard let code = compileExpression(assignment.expression) else { continue }
                if code.type != stateTypes[index] {
                    sink.error(
                        .typeMismatch, at: assignment.expression.location, text: assignment.expression.text,
                        "state '\(assignment.name)' holds a \(stateTypes[index].rawValue), not a \(code.type.rawValue)",
                        expected: "a \(stateTypes[index].rawValue)")
                    continue
                }
                pairs.append((program.layout.stateBase + index, code))
            }
            return .assign(pairs)
        case .log(let pieces):
            var compiled: [CompiledLogPiece] = []
            for piece in pieces {
                switch piece {
                case .text(let text): compiled.append(.text(text))
                case .value(let expression):
                    guard let code = compileExpression(expression) else { return nil }
                    compiled.append(.value(code))
                }
            }
            return .log(compiled)
        }
    }

    private mutating func compileOrder(_ options: OrderOptions, side: Side?) -> CompiledOrder? {
        let index = market(options.market)
        if options.market != nil && index == nil { return nil }
        let size = number(options.size, what: side == nil ? "the target position" : "the order size")
        let price = options.price.flatMap { number($0, what: "the limit price") }
        let offset = options.offset.flatMap { number($0, what: "the price offset") }
        if let side, let value = constant(options.size), value <= 0 {
            sink.error(
                .invalidValue, at: options.size.location, text: options.size.text,
                "a \(side.rawValue) size must be positive", expected: "a size in coins above 0")
        }
        guard let size else { return nil }
        return CompiledOrder(
            market: index ?? 0, side: side, size: size, price: price, offset: offset,
            timeInForce: options.timeInForce, postOnly: options.postOnly, reduceOnly: options.reduceOnly)
    }

    mutating func validateRisk(_ risk: RiskDefinition) -> RiskSettings {
        var settings = RiskSettings(maxOrdersPerTick: limits.maxOrdersPerTick)
        let leverageCap = specs.map(\.maxLeverage).min() ?? 1
        if let setting = risk.maxLeverage {
            if setting.value >= 1, setting.value <= Double(leverageCap), setting.value == setting.value.rounded() {
                settings.maxLeverage = Int64(setting.value)
            } else {
                invalid(setting, "risk.max_leverage must be a whole number from 1 to \(leverageCap)")
            }
        }
        if let setting = risk.maxPositionNotional {
            if setting.value > 0 {
                settings.maxPositionNotional = setting.value
            } else {
                invalid(setting, "risk.max_position_notional must be positive (USDT)")
            }
        }
        if let setting = risk.stopLoss {
            if setting.value > 0, setting.value < 1 {
                settings.stopLoss = setting.value
            } else {
                invalid(setting, "risk.stop_loss is a fraction of the entry notional, above 0 and below 1")
            }
        }
        if let setting = risk.takeProfit {
            if setting.value > 0 {
                settings.takeProfit = setting.value
            } else {
                invalid(setting, "risk.take_profit is a positive fraction of the entry notional")
            }
        }
        if let setting = risk.maxOrdersPerTick {
            let cap = limits.maxOrdersPerTick
            if setting.value >= 1, setting.value <= Double(cap), setting.value == setting.value.rounded() {
                settings.maxOrdersPerTick = Int(setting.value)
            } else {
                invalid(setting, "risk.max_orders_per_tick must be a whole number from 1 to \(cap)")
            }
        }
        return settings
    }

    private mutating func invalid(_ setting: NumberSetting, _ message: String) {
        sink.error(.invalidValue, at: setting.location, text: setting.text, message, expected: "a value in range")
    }

    func costBound() -> Int {
        var total = Program.baseSteps + Program.perMarketSteps * document.markets.count
        for step in program.prelude {
            switch step {
            case .define(_, let code): total += code.cost + 1
            case .update(let index): total += program.indicators[index].cost
            }
        }
        for rule in program.rules { total += rule.cost(markets: document.markets.count) }
        return total
    }

    mutating func reportCost(_ bound: Int) {
        var worst: (cost: Int, location: SourceLocation, text: String, what: String) = (
            0, document.rulesLocation, "rules", ""
        )
        for (index, site) in program.indicators.enumerated() where site.cost > worst.cost {
            let origin = indicatorOrigins[index]
            worst = (site.cost, origin.location, origin.text, "indicator \(origin.text)")
        }
        for (index, rule) in program.rules.enumerated() where rule.cost(markets: document.markets.count) > worst.cost {
            worst = (
                rule.cost(markets: document.markets.count), document.rules[index].location,
                document.rules[index].name, "rule '\(document.rules[index].name)'"
            )
        }
        sink.error(
            .costTooHigh, at: worst.location, text: worst.text,
            "the strategy may take \(bound) steps per tick; the contest allows \(limits.maxStepsPerTick)"
                + " (the largest part is \(worst.what) at \(worst.cost) steps)",
            expected: "shorter windows for highest/lowest/wma, fewer rules or simpler expressions")
    }
}
