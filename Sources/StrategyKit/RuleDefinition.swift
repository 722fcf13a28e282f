/// One entry of `rules:`: a condition and the actions run when it holds.
struct RuleDefinition: Hashable, Sendable {
    var name: String
    var location: SourceLocation
    /// `nil` means the rule runs every tick.
    var condition: Expression?
    var actions: [ActionDefinition]
}
