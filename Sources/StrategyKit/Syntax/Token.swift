// What the lexer produces and how lexing or parsing fails. Two small types that read together
// (issue 12: fold the tiny AST files; the one-type-per-file rule yields here).

/// A lexical token of the expression language.
struct Token: Hashable, Sendable {
    enum Kind: Hashable, Sendable {
        case number(Double)
        case identifier(String)
        /// Punctuation and operators: `( ) , . + - * / < <= > >= == != && || !`.
        case symbol(String)
        case end
    }

    var kind: Kind
    /// Offset of the first scalar in the expression text.
    var offset: Int
    /// The token as written.
    var text: String
    /// Offset just past the token.
    var end: Int
}

/// An expression syntax error at an offset inside the expression text.
struct ParseFailure: Error, Hashable, Sendable {
    var offset: Int
    var text: String
    var message: String
    var expected: String?
    var suggestion: String?
    var code: StrategyErrorCode = .expressionSyntax
}
