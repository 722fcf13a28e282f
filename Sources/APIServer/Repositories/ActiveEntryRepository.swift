public import Storage

/// A team's active entry and the validation episodes that lead to it: the submission its
/// evaluations take is its newest validated one unless it chooses another.
public protocol ActiveEntryRepository: Sendable {
    /// Makes a validated submission the team's active entry. Throws `StorageError.contestClosed`
    /// when the contest accepts no submissions now.
    func activateSubmission(id: Int64, teamId: Int64) async throws -> ArenaStore.ActivationOutcome
    /// The team's active entry, if one of its submissions passed validation.
    func activeSubmissionId(teamId: Int64) async throws -> Int64?
}
