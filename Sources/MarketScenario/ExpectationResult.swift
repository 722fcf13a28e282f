/// One checked expectation.
public struct ExpectationResult: Sendable, Hashable {
    /// `true` when the expectation held.
    public var ok: Bool
    /// What was compared, with the actual and expected values.
    public var detail: String

    /// The result as an output line.
    public var line: JSONValue {
        .object([("type", .string("expectation")), ("ok", .bool(ok)), ("detail", .string(detail))])
    }
}
