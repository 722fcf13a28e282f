public import Storage

/// A team's active entry and the validation episodes that lead to it: the submission its
/// evaluations take is its newest validated one unless it chooses another.
public protocol ActiveEntryRepository: Sendable {
    /// Records a statically valid bundle's report, counts it against the quota (released if its
    /// validation episode rejects it) and queues the episode; the submission stays `validating`.
    func queueValidation(submissionId: Int64, contestId: String, validationReport: String) async throws
    /// Makes a validated submission the team's active entry. Throws `StorageError.contestClosed`
    /// when the contest accepts no submissions now.
    func activateSubmission(id: Int64, teamId: Int64) async throws -> ArenaStore.ActivationOutcome
    /// The team's active entry, if one of its submissions passed validation.
    func activeSubmissionId(teamId: Int64) async throws -> Int64?
}
