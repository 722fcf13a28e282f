/// The result of a scenario run.
public struct ScenarioOutput: Sendable {
    /// Every event, then the final state, as JSON objects with ordered keys.
    public var lines: [JSONValue]
    /// Outcome of the scenario's `expect` entries, in file order.
    public var expectations: [ExpectationResult]

    /// The JSON lines joined by newlines (with a trailing newline).
    public var text: String {
        var out = ""
        for line in lines {
            line.write(into: &out)
            out += "\n"
        }
        return out
    }

    /// `true` when every expectation held.
    public var allExpectationsHold: Bool { expectations.allSatisfy(\.ok) }
}
