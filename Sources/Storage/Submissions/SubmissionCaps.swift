/// A contest's per-team submission caps, as `ArenaStore.reserveSubmission` enforces them.
public struct SubmissionCaps: Sendable, Equatable {
    /// Charged (valid, accepted) submissions per UTC day.
    public var perDay: Int
    /// Submissions received, validating, queued or running at once.
    public var maxInFlight: Int
    /// Rejected (invalid) submissions per UTC day.
    public var invalidPerDay: Int

    public init(perDay: Int, maxInFlight: Int, invalidPerDay: Int) {
        self.perDay = perDay
        self.maxInFlight = maxInFlight
        self.invalidPerDay = invalidPerDay
    }
}
