/// A constant under `params:`; a number or a boolean.
struct ParameterDefinition: Hashable, Sendable {
    var name: String
    var location: SourceLocation
    var value: Double
    var isBool: Bool
}
