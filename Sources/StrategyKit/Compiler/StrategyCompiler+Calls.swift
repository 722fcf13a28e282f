extension StrategyCompiler {
    mutating func emitCall(
        qualifier: String?, name: String, arguments: [Expression], _ expression: Expression,
        into buffer: inout [Operation]
    ) -> ValueType? {
        if let kind = IndicatorKind(rawValue: name) {
            return emitIndicator(kind, qualifier: qualifier, arguments: arguments, expression, into: &buffer)
        }
        if let function = PureFunction(rawValue: name) {
            return emitPure(function, qualifier: qualifier, arguments: arguments, expression, into: &buffer)
        }
        let nameLocation =
            qualifier.map { expression.location.advanced(by: $0.unicodeScalars.count + 1) }
            ?? expression.location
        if MarketField.byName[name] != nil || AccountField.byName[name] != nil || letIndex[name] != nil
            || parameters[name] != nil || stateIndex[name] != nil
        {
            sink.error(
                .typeMismatch, at: nameLocation, text: name, "'\(name)' is a value, not a function",
                expected: "'\(name)' without parentheses; for past values use prev(\(name), n)")
            return nil
        }
        reportUnknownFunction(name, at: nameLocation)
        return nil
    }

    private mutating func arityError(_ expression: Expression, signature: String, count: Int) -> ValueType? {
        sink.error(
            .typeMismatch, at: expression.location, text: expression.text,
            "wrong number of arguments (\(count))", expected: signature)
        return nil
    }

    /// The market a call applies to: the qualifier's, or the first market; `nil` if unknown.
    private mutating func marketArgument(_ qualifier: String?, _ expression: Expression) -> Int? {
        guard let qualifier else { return 0 }
        return qualifiedMarket(qualifier, expression)
    }

    private mutating func emitIndicator(
        _ kind: IndicatorKind, qualifier: String?, arguments: [Expression], _ expression: Expression,
        into buffer: inout [Operation]
    ) -> ValueType? {
        if qualifier != nil && kind != .vwap {
            sink.error(
                .typeMismatch, at: expression.location, text: expression.text,
                "\(kind.rawValue) is not a market function",
                expected: "\(kind.signature), e.g. \(kind.rawValue)(eth.mark, 20)")
            return nil
        }
        guard let market = marketArgument(qualifier, expression) else { return nil }
        let expectedCount = kind.seriesCount + kind.lookbackCount + (kind.takesMultiplier ? 1 : 0)
        guard arguments.count == expectedCount else {
            return arityError(expression, signature: kind.signature, count: arguments.count)
        }
        var inputs: [CodeRange] = []
        var failed = false
        for argument in arguments.prefix(kind.seriesCount) {
            guard let code = compileExpression(argument) else {
                failed = true
                continue
            }
            if code.type != .number {
                _ = mismatch(argument, want: .number, got: code.type, context: kind.rawValue)
                failed = true
            }
            inputs.append(code)
        }
        var lookbacks: [Int] = []
        for argument in arguments.dropFirst(kind.seriesCount).prefix(kind.lookbackCount) {
            guard let value = lookback(argument, kind: kind) else {
                failed = true
                continue
            }
            lookbacks.append(value)
        }
        var multiplier = 0.0
        if kind.takesMultiplier, let argument = arguments.last {
            if let value = constant(argument), value.isFinite {
                multiplier = value
            } else if reportUnknownNames(in: argument) {
                failed = true
            } else {
                sink.error(
                    .unboundedCost, at: argument.location, text: argument.text,
                    "the width of \(kind.rawValue) must be a constant", expected: "a number or a parameter, e.g. 2")
                failed = true
            }
        }
        if failed { return nil }
        let key = "\(kind.rawValue)|\(market)|\(arguments.map(\.text).joined(separator: "|"))"
        let index: Int
        if let existing = indicatorKeys[key] {
            index = existing
        } else {
            index = program.indicators.count
            let slot = program.layout.indicatorBase + index
            program.indicators.append(
                IndicatorSite(
                    kind: kind, inputs: inputs, lookbacks: lookbacks, multiplier: multiplier, market: market, slot: slot
                ))
            indicatorOrigins.append((expression.location, expression.text))
            program.prelude.append(.update(index))
            indicatorKeys[key] = index
            warmup = max(warmup, kind.warmup(lookbacks: lookbacks))
        }
        buffer.append(.load(program.indicators[index].slot))
        return kind.resultType
    }

    private mutating func lookback(_ argument: Expression, kind: IndicatorKind) -> Int? {
        guard let value = constant(argument) else {
            // A misspelt parameter is a misspelling first, not a non-constant lookback.
            if reportUnknownNames(in: argument) { return nil }
            sink.error(
                .unboundedCost, at: argument.location, text: argument.text,
                "the lookback of \(kind.rawValue) must be a constant so the cost per tick is bounded",
                expected:
                    "a whole number or a parameter, e.g. \(kind.rawValue == "vwap" ? "vwap(50)" : "\(kind.rawValue)(mark, 20)")"
            )
            return nil
        }
        guard value == value.rounded(), value >= 1 else {
            sink.error(
                .invalidValue, at: argument.location, text: argument.text,
                "the lookback of \(kind.rawValue) must be a whole number of ticks, at least 1",
                expected: "a whole number from 1 to \(limits.maxLookback)")
            return nil
        }
        guard value <= Double(limits.maxLookback) else {
            sink.error(
                .lookbackTooLong, at: argument.location, text: argument.text,
                "lookback \(argument.text)\(Double(argument.text) == nil ? " (\(value.magnitude < 1e15 ? String(Int64(value)) : String(value)))" : "") ticks exceeds this contest's limit of \(limits.maxLookback)",
                expected: "a lookback of at most \(limits.maxLookback) ticks")
            return nil
        }
        return Int(value)
    }

    private mutating func emitPure(
        _ function: PureFunction, qualifier: String?, arguments: [Expression], _ expression: Expression,
        into buffer: inout [Operation]
    ) -> ValueType? {
        let isMarketFunction = function == .roundTick || function == .roundLot
        if qualifier != nil && !isMarketFunction {
            sink.error(
                .typeMismatch, at: expression.location, text: expression.text,
                "\(function.rawValue) is not a market function", expected: function.signature)
            return nil
        }
        guard let market = marketArgument(qualifier, expression) else { return nil }
        guard function.arity.contains(arguments.count) else {
            return arityError(expression, signature: function.signature, count: arguments.count)
        }
        if function == .ifThenElse {
            return emitConditional(arguments, into: &buffer)
        }
        for argument in arguments {
            guard let type = emit(argument, into: &buffer) else { return nil }
            if type != .number { return mismatch(argument, want: .number, got: type, context: function.rawValue) }
        }
        let operation: Operation =
            switch function {
            case .abs: .abs
            case .sign: .sign
            case .sqrt: .sqrt
            case .floor: .floor
            case .ceil: .ceil
            case .round: .round
            case .nz: .nz
            case .clamp: .clamp
            case .min: .min(arguments.count)
            case .max: .max(arguments.count)
            case .roundTick: .roundTick(market)
            case .roundLot: .roundLot(market)
            case .ifThenElse: .constant(0)
            }
        buffer.append(operation)
        return .number
    }

    /// `if(c, a, b)`: c; jumpIfFalse → b; a; jump → end; b.
    private mutating func emitConditional(_ arguments: [Expression], into buffer: inout [Operation]) -> ValueType? {
        guard let conditionType = emit(arguments[0], into: &buffer) else { return nil }
        if conditionType != .bool { return mismatch(arguments[0], want: .bool, got: conditionType, context: "if") }
        var thenBuffer: [Operation] = []
        var elseBuffer: [Operation] = []
        let thenType = emit(arguments[1], into: &thenBuffer)
        let elseType = emit(arguments[2], into: &elseBuffer)
        guard let thenType, let elseType else { return nil }
        if thenType != elseType {
            return mismatch(arguments[2], want: thenType, got: elseType, context: "both branches of if")
        }
        buffer.append(.jumpIfFalse(thenBuffer.count + 1))
        buffer.append(contentsOf: thenBuffer)
        buffer.append(.jump(elseBuffer.count))
        buffer.append(contentsOf: elseBuffer)
        return thenType
    }
}
