/// A team as the report names it.
public struct TeamRef: Sendable, Hashable {
    /// Stable team id (as in the transcripts' headers).
    public var teamID: String
    /// Display label.
    public var label: String
}
