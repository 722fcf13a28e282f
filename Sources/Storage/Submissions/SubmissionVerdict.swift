/// What the static checks said about an uploaded bundle, stored with it in one transaction by
/// ``ArenaStore/intakeSubmission(teamId:contestId:sha256:runtime:bundle:verdict:)``.
public enum SubmissionVerdict: Sendable, Equatable {
    /// Passed: charged against the daily quota and queued for its validation episode.
    case accepted(report: String)
    /// Refused with a code and a report (`rejected`, not charged).
    case rejected(code: String, report: String)

    /// The verdict with NUL characters replaced (U+FFFD): PostgreSQL text cannot hold them, and a
    /// report may quote a hostile bundle's manifest (`runtime: "x\0y"`), which must be stored
    /// as rejected and answered 422, not fail the transaction.
    var storable: SubmissionVerdict {
        func clean(_ text: String) -> String {
            text.contains("\0") ? String(text.unicodeScalars.map { $0 == "\0" ? "\u{FFFD}" : Character($0) }) : text
        }
        switch self {
        case .accepted(let report): return .accepted(report: clean(report))
        case .rejected(let code, let report): return .rejected(code: clean(code), report: clean(report))
        }
    }
}
