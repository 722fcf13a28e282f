public import Storage

/// The organizer's per-contest lists.
public protocol AdminListRepository: Sendable {
    /// A contest's submissions, newest first, at most `limit`.
    func submissions(contestId: String, limit: Int) async throws -> [SubmissionRecord]
    /// A contest's runs, newest first, at most `limit`.
    func runs(contestId: String, limit: Int) async throws -> [RunRecord]
    /// Ids of every selected submission of a contest.
    func selectedSubmissionIds(contestId: String) async throws -> Set<Int64>
}
