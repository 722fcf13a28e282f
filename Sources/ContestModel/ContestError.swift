/// A contest definition that cannot be used, with a stable code and the offending field.
public struct ContestError: Error, CustomStringConvertible, Sendable, Equatable {
    public enum Code: String, Sendable {
        case malformed = "contest_malformed"
        case invalid = "contest_invalid"
    }

    public var code: Code
    /// Dotted path of the field, e.g. `evaluation.heat_size`, or empty.
    public var field: String
    public var message: String

    public init(_ code: Code, field: String, _ message: String) {
        self.code = code
        self.field = field
        self.message = message
    }

    public var description: String { field.isEmpty ? message : "\(field): \(message)" }
}
