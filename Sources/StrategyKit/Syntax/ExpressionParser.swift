/// Recursive-descent parser for the expression language.
///
/// Grammar (lowest precedence first):
/// `or` → `and` → `not` → comparison (non-associative) → `+ -` → `* /` → unary `-` → postfix
/// (`.name`, `(args)`) → primary (number, `true`/`false`, name, parenthesised expression).
struct ExpressionParser {
    /// Deepest nesting of parentheses, calls and operators accepted.
    static let maxDepth = 48
    /// Longest expression text accepted, in Unicode scalars.
    static let maxLength = 2_000

    private let source: ExpressionSource
    private let origin: ScalarOrigin
    private var tokens: [Token] = []
    private var index = 0
    private var depth = 0

    /// Parses `text`, which starts at `origin` in the document.
    static func parse(_ text: String, origin: ScalarOrigin) throws(ParseFailure) -> Expression {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= maxLength else {
            throw ParseFailure(
                offset: 0, text: String(text.prefix(40)),
                message: "expression is \(scalars.count) characters long; the limit is \(maxLength)",
                expected: "a shorter expression (split it into `let` definitions)", code: .inputTooLarge)
        }
        var parser = ExpressionParser(source: ExpressionSource(scalars), origin: origin)
        var lexer = Lexer(scalars)
        parser.tokens = try lexer.tokenize()
        if parser.tokens.count == 1 {
            throw ParseFailure(offset: 0, text: "", message: "empty expression", expected: "an expression")
        }
        let expression = try parser.parseOr()
        let rest = parser.tokens[parser.index]
        guard rest.kind == .end else {
            throw ParseFailure(
                offset: rest.offset, text: rest.text, message: "unexpected '\(rest.text)' after a complete expression",
                expected: "an operator or the end of the expression")
        }
        return expression
    }

    private init(source: ExpressionSource, origin: ScalarOrigin) {
        self.source = source
        self.origin = origin
    }

    private var current: Token { tokens[index] }

    private func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
    private func isKeyword(_ word: String) -> Bool { current.kind == .identifier(word) }

    private mutating func enter() throws(ParseFailure) {
        depth += 1
        if depth > Self.maxDepth {
            throw ParseFailure(
                offset: current.offset, text: current.text,
                message: "expression nests deeper than \(Self.maxDepth) levels",
                expected: "a flatter expression (split it into `let` definitions)", code: .nestingTooDeep)
        }
    }

    private func make(_ node: ExpressionNode, from start: Int) -> Expression {
        let end = index > 0 ? tokens[index - 1].end : start
        return Expression(
            node: node, location: origin.location(atOffset: start), source: source,
            range: start..<max(start, end))
    }

    private mutating func parseOr() throws(ParseFailure) -> Expression {
        try enter()
        defer { depth -= 1 }
        let start = current.offset
        var lhs = try parseAnd()
        while isKeyword("or") || isSymbol("||") {
            index += 1
            let rhs = try parseAnd()
            lhs = make(.binary(.or, lhs, rhs), from: start)
        }
        return lhs
    }

    private mutating func parseAnd() throws(ParseFailure) -> Expression {
        let start = current.offset
        var lhs = try parseNot()
        while isKeyword("and") || isSymbol("&&") {
            index += 1
            let rhs = try parseNot()
            lhs = make(.binary(.and, lhs, rhs), from: start)
        }
        return lhs
    }

    private mutating func parseNot() throws(ParseFailure) -> Expression {
        let start = current.offset
        if isKeyword("not") || isSymbol("!") {
            index += 1
            try enter()
            defer { depth -= 1 }
            let operand = try parseNot()
            return make(.unary(.not, operand), from: start)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ParseFailure) -> Expression {
        let start = current.offset
        let lhs = try parseAdditive()
        guard case .symbol(let symbol) = current.kind, let op = BinaryOperator(rawValue: symbol), op.yieldsBool,
            op.takesNumbers
        else { return lhs }
        index += 1
        let rhs = try parseAdditive()
        if case .symbol(let next) = current.kind, let again = BinaryOperator(rawValue: next), again.yieldsBool {
            throw ParseFailure(
                offset: current.offset, text: next, message: "comparisons cannot be chained",
                expected: "'and' between two comparisons", suggestion: "write `a < b and b < c`")
        }
        return make(.binary(op, lhs, rhs), from: start)
    }

    private mutating func parseAdditive() throws(ParseFailure) -> Expression {
        let start = current.offset
        var lhs = try parseMultiplicative()
        while isSymbol("+") || isSymbol("-") {
            let op: BinaryOperator = isSymbol("+") ? .add : .subtract
            index += 1
            let rhs = try parseMultiplicative()
            lhs = make(.binary(op, lhs, rhs), from: start)
        }
        return lhs
    }

    private mutating func parseMultiplicative() throws(ParseFailure) -> Expression {
        let start = current.offset
        var lhs = try parseUnary()
        while isSymbol("*") || isSymbol("/") {
            let op: BinaryOperator = isSymbol("*") ? .multiply : .divide
            index += 1
            let rhs = try parseUnary()
            lhs = make(.binary(op, lhs, rhs), from: start)
        }
        return lhs
    }

    private mutating func parseUnary() throws(ParseFailure) -> Expression {
        let start = current.offset
        if isSymbol("-") || isSymbol("+") {
            let negate = isSymbol("-")
            index += 1
            try enter()
            defer { depth -= 1 }
            let operand = try parseUnary()
            if !negate { return operand }
            if case .number(let value) = operand.node { return make(.number(-value), from: start) }
            return make(.unary(.negate, operand), from: start)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ParseFailure) -> Expression {
        let token = current
        let start = token.offset
        switch token.kind {
        case .number(let value):
            index += 1
            return make(.number(value), from: start)
        case .identifier("true"), .identifier("false"):
            index += 1
            return make(.bool(token.text == "true"), from: start)
        case .identifier(let word) where ["and", "or", "not"].contains(word):
            throw ParseFailure(
                offset: start, text: word, message: "'\(word)' needs an operand before it",
                expected: "a value")
        case .identifier(let name):
            index += 1
            if isSymbol(".") {
                index += 1
                guard case .identifier(let member) = current.kind else {
                    throw ParseFailure(
                        offset: current.offset, text: current.text, message: "expected a name after '\(name).'",
                        expected: "a market field such as \(name).mark")
                }
                index += 1
                if isSymbol("(") {
                    let arguments = try parseArguments()
                    return make(.call(qualifier: name, name: member, arguments: arguments), from: start)
                }
                return make(.member(qualifier: name, name: member), from: start)
            }
            if isSymbol("(") {
                let arguments = try parseArguments()
                return make(.call(qualifier: nil, name: name, arguments: arguments), from: start)
            }
            return make(.name(name), from: start)
        case .symbol("("):
            index += 1
            try enter()
            defer { depth -= 1 }
            let inner = try parseOr()
            try expect(")", opening: start)
            return Expression(
                node: inner.node, location: inner.location, source: source,
                range: start..<tokens[index - 1].end)
        case .end:
            throw ParseFailure(offset: start, text: "", message: "expression ends too early", expected: "a value")
        case .symbol(let symbol):
            throw ParseFailure(
                offset: start, text: symbol, message: "unexpected '\(symbol)'",
                expected: "a number, a name or '('")
        }
    }

    private mutating func parseArguments() throws(ParseFailure) -> [Expression] {
        let open = current.offset
        index += 1
        try enter()
        defer { depth -= 1 }
        var arguments: [Expression] = []
        if isSymbol(")") {
            index += 1
            return arguments
        }
        while true {
            arguments.append(try parseOr())
            if isSymbol(",") {
                index += 1
                continue
            }
            try expect(")", opening: open)
            return arguments
        }
    }

    private mutating func expect(_ symbol: String, opening: Int) throws(ParseFailure) {
        guard isSymbol(symbol) else {
            let found = current.kind == .end ? "end of expression" : "'\(current.text)'"
            throw ParseFailure(
                offset: current.offset, text: current.text,
                message:
                    "expected '\(symbol)' to close the '(' at column \(origin.location(atOffset: opening).column), found \(found)",
                expected: "'\(symbol)'" + (symbol == ")" ? " or ','" : ""))
        }
        index += 1
    }
}
