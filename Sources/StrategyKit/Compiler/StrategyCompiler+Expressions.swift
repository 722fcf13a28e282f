extension StrategyCompiler {
    /// Type-checks and compiles `expression` into the program; `nil` after reporting a problem.
    mutating func compileExpression(_ expression: Expression) -> CodeRange? {
        var buffer: [Operation] = []
        guard let type = emit(expression, into: &buffer) else { return nil }
        let start = program.operations.count
        program.operations.append(contentsOf: buffer)
        program.maxStack = max(program.maxStack, Self.stackDepth(buffer))
        return CodeRange(start: start, end: program.operations.count, type: type)
    }

    /// A conservative bound of the stack depth `operations` needs (jumps ignored).
    static func stackDepth(_ operations: [Operation]) -> Int {
        var depth = 0
        var deepest = 0
        for operation in operations {
            switch operation {
            case .constant, .load: depth += 1
            case .add, .subtract, .multiply, .divide, .less, .lessEqual, .greater, .greaterEqual, .equal,
                .notEqual, .and, .or, .nz, .jumpIfFalse:
                depth -= 1
            case .clamp: depth -= 2
            case .min(let count), .max(let count): depth -= count - 1
            default: break
            }
            deepest = max(deepest, depth + 1)
        }
        return deepest
    }

    /// The value of an expression made only of numbers, params and arithmetic; `nil` otherwise.
    func constant(_ expression: Expression) -> Double? {
        switch expression.node {
        case .number(let value): return value
        case .name(let name): return parameters[name].flatMap { $0.isBool ? nil : $0.value }
        case .unary(.negate, let operand): return constant(operand).map { -$0 }
        case .binary(let op, let lhs, let rhs):
            guard let a = constant(lhs), let b = constant(rhs) else { return nil }
            switch op {
            case .add: return a + b
            case .subtract: return a - b
            case .multiply: return a * b
            case .divide: return b == 0 ? nil : a / b
            default: return nil
            }
        default: return nil
        }
    }

    /// Every name an expression can use, for suggestions.
    var visibleNames: [String] {
        var names = MarketField.allCases.map(\.name) + AccountField.allCases.map(\.name)
        names += parameters.keys.sorted() + letIndex.keys.sorted() + stateIndex.keys.sorted()
        return names + ["true", "false"]
    }

    static let functionNames = IndicatorKind.allCases.map(\.rawValue) + PureFunction.allCases.map(\.rawValue)

    mutating func emit(_ expression: Expression, into buffer: inout [Operation]) -> ValueType? {
        switch expression.node {
        case .number(let value):
            buffer.append(.constant(value))
            return .number
        case .bool(let value):
            buffer.append(.constant(value ? 1 : 0))
            return .bool
        case .name(let name):
            return emitName(name, expression, into: &buffer)
        case .member(let qualifier, let name):
            guard let market = qualifiedMarket(qualifier, expression) else { return nil }
            guard let field = MarketField.byName[name] else {
                reportUnknownField(qualifier: qualifier, name: name, expression)
                return nil
            }
            buffer.append(.load(program.layout.market(market, field)))
            return .number
        case .call(let qualifier, let name, let arguments):
            return emitCall(qualifier: qualifier, name: name, arguments: arguments, expression, into: &buffer)
        case .unary(let op, let operand):
            let want: ValueType = op == .negate ? .number : .bool
            guard let type = emit(operand, into: &buffer) else { return nil }
            guard type == want else { return mismatch(operand, want: want, got: type, context: "'\(op.rawValue)'") }
            buffer.append(op == .negate ? .negate : .not)
            return want
        case .binary(let op, let lhs, let rhs):
            return emitBinary(op, lhs, rhs, into: &buffer)
        }
    }

    private mutating func emitBinary(
        _ op: BinaryOperator, _ lhs: Expression, _ rhs: Expression, into buffer: inout [Operation]
    ) -> ValueType? {
        let left = emit(lhs, into: &buffer)
        let right = emit(rhs, into: &buffer)
        guard let left, let right else { return nil }
        if op == .equal || op == .notEqual {
            guard left == right else { return mismatch(rhs, want: left, got: right, context: "'\(op.rawValue)'") }
        } else {
            let want: ValueType = op.takesNumbers ? .number : .bool
            if left != want { return mismatch(lhs, want: want, got: left, context: "'\(op.rawValue)'") }
            if right != want { return mismatch(rhs, want: want, got: right, context: "'\(op.rawValue)'") }
        }
        let operation: Operation =
            switch op {
            case .add: .add
            case .subtract: .subtract
            case .multiply: .multiply
            case .divide: .divide
            case .less: .less
            case .lessEqual: .lessEqual
            case .greater: .greater
            case .greaterEqual: .greaterEqual
            case .equal: .equal
            case .notEqual: .notEqual
            case .and: .and
            case .or: .or
            }
        buffer.append(operation)
        return op.yieldsBool ? .bool : .number
    }

    mutating func mismatch(_ expression: Expression, want: ValueType, got: ValueType, context: String) -> ValueType? {
        let hint = want == .bool ? "a comparison such as `x > 0`" : "a number (booleans are not numbers)"
        sink.error(
            .typeMismatch, at: expression.location, text: expression.text,
            "\(context) needs a \(want.rawValue), but `\(expression.text)` is a \(got.rawValue)", expected: hint)
        return nil
    }

    mutating func qualifiedMarket(_ qualifier: String, _ expression: Expression) -> Int? {
        if let index = marketIndex[qualifier] { return index }
        let aliases = document.markets.map(\.alias)
        sink.unknownName(
            kind: "market", name: qualifier, at: expression.location, candidates: aliases,
            expected: "a market alias from 'markets': " + aliases.joined(separator: ", "))
        return nil
    }

    private mutating func emitName(_ name: String, _ expression: Expression, into buffer: inout [Operation])
        -> ValueType?
    {
        if let parameter = parameters[name] {
            buffer.append(.constant(parameter.value))
            return parameter.isBool ? .bool : .number
        }
        if let index = letIndex[name] {
            guard let type = compileLet(index) else { return nil }
            buffer.append(.load(program.layout.letBase + index))
            return type
        }
        if let index = stateIndex[name] {
            buffer.append(.load(program.layout.stateBase + index))
            return stateTypes[index]
        }
        if let field = AccountField.byName[name] {
            buffer.append(.load(program.layout.account(field)))
            return .number
        }
        if let field = MarketField.byName[name] {
            buffer.append(.load(program.layout.market(0, field)))
            return .number
        }
        if marketIndex[name] != nil {
            sink.error(
                .typeMismatch, at: expression.location, text: name,
                "'\(name)' is a market, not a value", expected: "a market field such as \(name).mark")
            return nil
        }
        if Self.functionNames.contains(name) {
            sink.error(
                .typeMismatch, at: expression.location, text: name, "'\(name)' is a function and needs arguments",
                expected: "a call such as \(name)(...)")
            return nil
        }
        reportUnknownValue(name, expression)
        return nil
    }
}
