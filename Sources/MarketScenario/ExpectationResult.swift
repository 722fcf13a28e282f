/// One checked expectation.
public struct ExpectationResult: Sendable, Hashable {
    public var ok: Bool
    public var detail: String

    /// The result as an output line.
    public var line: JSONValue {
        .object([("type", .string("expectation")), ("ok", .bool(ok)), ("detail", .string(detail))])
    }
}
