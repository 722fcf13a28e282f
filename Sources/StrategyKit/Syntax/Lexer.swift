import MarketModel

/// Splits expression text into tokens.
struct Lexer {
    private let scalars: [Unicode.Scalar]
    private var position = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    /// All tokens, ending with `.end`; throws on a character that starts no token.
    mutating func tokenize() throws(ParseFailure) -> [Token] {
        var tokens: [Token] = []
        while true {
            let token = try next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private mutating func next() throws(ParseFailure) -> Token {
        while position < scalars.count, Self.isSpace(scalars[position]) { position += 1 }
        let start = position
        guard position < scalars.count else { return Token(kind: .end, offset: start, text: "", end: start) }
        let scalar = scalars[position]
        if Self.isDigit(scalar)
            || (scalar == "." && position + 1 < scalars.count && Self.isDigit(scalars[position + 1]))
        {
            return try number(start: start)
        }
        if Self.isIdentifierStart(scalar) {
            while position < scalars.count, Self.isIdentifierPart(scalars[position]) { position += 1 }
            let text = text(start, position)
            return Token(kind: .identifier(text), offset: start, text: text, end: position)
        }
        let following: Unicode.Scalar = position + 1 < scalars.count ? scalars[position + 1] : " "
        let pair: String? =
            switch (scalar, following) {
            case ("<", "="): "<="
            case (">", "="): ">="
            case ("=", "="): "=="
            case ("!", "="): "!="
            case ("&", "&"): "&&"
            case ("|", "|"): "||"
            default: nil
            }
        if let pair {
            position += 2
            return Token(kind: .symbol(pair), offset: start, text: pair, end: position)
        }
        let single: String? =
            switch scalar {
            case "(": "("
            case ")": ")"
            case ",": ","
            case ".": "."
            case "+": "+"
            case "-": "-"
            case "*": "*"
            case "/": "/"
            case "<": "<"
            case ">": ">"
            case "!": "!"
            default: nil
            }
        if let single {
            position += 1
            return Token(kind: .symbol(single), offset: start, text: single, end: position)
        }
        let hint: String? =
            switch scalar {
            case "=": "use '==' to compare"
            case "&": "use 'and' (or '&&')"
            case "|": "use 'or' (or '||')"
            case "%": "write percentages as fractions, e.g. 0.02 for 2%"
            case "?", ":": "use if(condition, then, else)"
            case "[": "use prev(series, n) for past values"
            default: nil
            }
        throw ParseFailure(
            offset: start, text: String(scalar), message: "unexpected character '\(scalar)'",
            expected: "a number, a name, an operator or a parenthesis", suggestion: hint)
    }

    private mutating func number(start: Int) throws(ParseFailure) -> Token {
        while position < scalars.count,
            Self.isDigit(scalars[position]) || scalars[position] == "_"
                || scalars[position] == "."
        {
            position += 1
        }
        if position < scalars.count, scalars[position] == "e" || scalars[position] == "E" {
            var look = position + 1
            if look < scalars.count, scalars[look] == "+" || scalars[look] == "-" { look += 1 }
            if look < scalars.count, Self.isDigit(scalars[look]) {
                position = look
                while position < scalars.count, Self.isDigit(scalars[position]) { position += 1 }
            }
        }
        while position < scalars.count, Self.isIdentifierPart(scalars[position]) { position += 1 }
        let written = text(start, position)
        guard let value = Self.number(written) else {
            throw ParseFailure(
                offset: start, text: written, message: "'\(written)' is not a number",
                expected: "a decimal number such as 42, 0.5 or 1e-3",
                suggestion: written.first == "." ? "write 0\(written)" : written.last == "." ? "write \(written)0" : nil
            )
        }
        return Token(kind: .number(value), offset: start, text: written, end: position)
    }

    /// Longest number the language accepts, in characters.
    static let maxNumberLength = 64

    /// The value of a number written in the strategy language (`DecimalGrammar` with digit
    /// separators and an exponent; a leading `-` is accepted for settings under `params` and `risk`,
    /// in expressions it is an operator): the double nearest to it, or `nil` when `text` is not such
    /// a number or its value is not finite.
    static func number(_ text: String) -> Double? {
        guard
            let literal = DecimalGrammar.parse(text, extensions: .strategyLanguage, maxLength: maxNumberLength),
            let value = Double(literal.canonicalText), value.isFinite
        else { return nil }
        return value
    }

    private func text(_ from: Int, _ to: Int) -> String {
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars[from..<to])
        return String(out)
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
    private static func isSpace(_ s: Unicode.Scalar) -> Bool {
        s == " " || s == "\t" || (s.value > 127 && s.properties.isWhitespace) || s == "\n" || s == "\r"
    }
    private static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_"
    }
    private static func isIdentifierPart(_ s: Unicode.Scalar) -> Bool { isIdentifierStart(s) || isDigit(s) }
}
