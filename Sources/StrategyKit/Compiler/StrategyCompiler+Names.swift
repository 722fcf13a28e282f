/// Unknown names: reported with the closest valid name ("did you mean"), and before any cost or
/// type message about the expression they are in (a misspelt parameter in a lookback is a
/// misspelling, not a non-constant lookback).
extension StrategyCompiler {
    /// Reports every name in `expression` that resolves to nothing — a bare name, a market
    /// qualifier, a market field or a function — and returns whether there was one. Names that
    /// exist but are used wrongly (a market as a value, …) are left to the type checks.
    mutating func reportUnknownNames(in expression: Expression) -> Bool {
        switch expression.node {
        case .number, .bool:
            return false
        case .name(let name):
            guard !isDeclared(name) && !Self.functionNames.contains(name) else { return false }
            reportUnknownValue(name, expression)
            return true
        case .member(let qualifier, let name):
            guard marketIndex[qualifier] != nil else {
                _ = qualifiedMarket(qualifier, expression)
                return true
            }
            guard MarketField.byName[name] == nil else { return false }
            reportUnknownField(qualifier: qualifier, name: name, expression)
            return true
        case .call(let qualifier, let name, let arguments):
            var found = false
            if let qualifier, marketIndex[qualifier] == nil {
                _ = qualifiedMarket(qualifier, expression)
                found = true
            }
            if IndicatorKind(rawValue: name) == nil && PureFunction(rawValue: name) == nil && !isDeclared(name) {
                let location =
                    qualifier.map { expression.location.advanced(by: $0.unicodeScalars.count + 1) }
                    ?? expression.location
                reportUnknownFunction(name, at: location)
                found = true
            }
            for argument in arguments where reportUnknownNames(in: argument) { found = true }
            return found
        case .unary(_, let operand):
            return reportUnknownNames(in: operand)
        case .binary(_, let lhs, let rhs):
            let left = reportUnknownNames(in: lhs)
            let right = reportUnknownNames(in: rhs)
            return left || right
        }
    }

    /// Whether `name` is a parameter, `let`, state variable, market alias or built-in series.
    func isDeclared(_ name: String) -> Bool {
        parameters[name] != nil || letIndex[name] != nil || stateIndex[name] != nil || marketIndex[name] != nil
            || MarketField.byName[name] != nil || AccountField.byName[name] != nil || Self.keywords.contains(name)
    }

    /// `unknown name 'slwo'`, with the closest parameter, `let`, state, series or function.
    mutating func reportUnknownValue(_ name: String, _ expression: Expression) {
        sink.unknownName(
            kind: "name", name: name, at: expression.location, candidates: visibleNames + Self.functionNames,
            expected: "a parameter, let, state variable, market series or account field")
    }

    /// `unknown market field 'mrk'` after a market qualifier.
    mutating func reportUnknownField(qualifier: String, name: String, _ expression: Expression) {
        sink.unknownName(
            kind: "market field", name: name,
            at: expression.location.advanced(by: qualifier.unicodeScalars.count + 1),
            candidates: MarketField.allCases.map(\.name),
            expected: "a market field such as \(qualifier).mark or \(qualifier).funding_rate")
    }

    /// `unknown function 'ssma'`, with the closest function.
    mutating func reportUnknownFunction(_ name: String, at location: SourceLocation) {
        sink.unknownName(
            kind: "function", name: name, at: location, candidates: Self.functionNames,
            expected: "a function such as sma, ema, rsi, highest, crosses_above, min, clamp")
    }
}
