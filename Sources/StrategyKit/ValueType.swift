/// The static type of an expression.
enum ValueType: String, Hashable, Sendable {
    case number
    case bool = "boolean"
}
