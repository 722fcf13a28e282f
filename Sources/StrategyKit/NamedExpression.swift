/// A `let` definition or a `state` variable's initial value.
struct NamedExpression: Hashable, Sendable {
    var name: String
    var location: SourceLocation
    var expression: Expression
}
