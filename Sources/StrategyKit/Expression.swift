/// A parsed expression with the location and text of its source.
struct Expression: Hashable, Sendable {
    var node: ExpressionNode
    var location: SourceLocation
    /// The source text of this (sub)expression.
    var text: String

    /// Number of nodes, used for size limits.
    var size: Int {
        switch node {
        case .number, .bool, .name, .member: 1
        case .call(_, _, let arguments): 1 + arguments.reduce(0) { $0 + $1.size }
        case .unary(_, let operand): 1 + operand.size
        case .binary(_, let lhs, let rhs): 1 + lhs.size + rhs.size
        }
    }
}
