/// The contest definition an evaluation was planned with: stored once on the evaluation
/// (migration 0010) and executed by every run of it, whatever the contest says later.
public struct PlannedDefinition: Sendable, Hashable {
    /// The definition JSON as the planner read and decoded it.
    public var json: String
    /// The contest's `definition_sha256` read in the same row.
    public var sha256: String

    /// Creates the pair.
    public init(json: String, sha256: String) {
        self.json = json
        self.sha256 = sha256
    }
}
