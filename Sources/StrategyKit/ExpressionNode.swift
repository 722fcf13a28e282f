/// The shape of an expression.
indirect enum ExpressionNode: Hashable, Sendable {
    case number(Double)
    case bool(Bool)
    /// A bare name: parameter, `let`, state variable, series, account field or market alias.
    case name(String)
    /// `qualifier.name`, e.g. `eth.mark`.
    case member(qualifier: String, name: String)
    /// `name(args)` or `qualifier.name(args)`.
    case call(qualifier: String?, name: String, arguments: [Expression])
    case unary(UnaryOperator, Expression)
    case binary(BinaryOperator, Expression, Expression)
}
