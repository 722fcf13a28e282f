/// One action of a rule, with its location.
struct ActionDefinition: Hashable, Sendable {
    var kind: ActionKind
    var location: SourceLocation
    /// The action's key, e.g. `buy`.
    var keyword: String
}
