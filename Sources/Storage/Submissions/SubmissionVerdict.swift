/// What the static checks said about an uploaded bundle, stored with it in one transaction by
/// ``ArenaStore/intakeSubmission(teamId:contestId:sha256:runtime:bundle:verdict:)``.
public enum SubmissionVerdict: Sendable, Equatable {
    /// Passed: charged against the daily quota and queued for its validation episode.
    case accepted(report: String)
    /// Refused with a code and a report (`rejected`, not charged).
    case rejected(code: String, report: String)
}
