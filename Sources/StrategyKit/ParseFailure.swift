/// An expression syntax error at an offset inside the expression text.
struct ParseFailure: Error, Hashable, Sendable {
    var offset: Int
    var text: String
    var message: String
    var expected: String?
    var suggestion: String?
    var code: StrategyErrorCode = .expressionSyntax
}
