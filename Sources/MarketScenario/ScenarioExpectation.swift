/// Select the `nth` output line (0-based, default 0; negative counts from the end) whose fields
/// equal `where`, and compare `field` with `equals` (as text).
public struct ScenarioExpectation: Sendable, Decodable {
    public var `where`: [String: String]
    /// Nth.
    public var nth: Int?
    /// Field.
    public var field: String
    /// Equals.
    public var equals: String?
    /// Compare numerically: `|field − equals| ≤ tolerance` (for floating-point trace values).
    public var tolerance: String?
    /// Expect the line not to exist (or the field to be absent / null) instead.
    public var absent: Bool?
    /// Expect this many matching lines instead of a field value.
    public var count: Int?
}
