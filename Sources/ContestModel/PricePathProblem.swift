/// Why an inline price-path table was refused (the text follows the field name in the error).
public struct PricePathProblem: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) { self.message = message }
}
