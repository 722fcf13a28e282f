public import Foundation
public import Storage

/// A team's submissions: storing bundles, their status history, quotas, the final selection and
/// the active entry (``ActiveEntryRepository``).
public protocol SubmissionRepository: ActiveEntryRepository {
    /// Stores an uploaded bundle with its static verdict in one transaction (rejected; or charged,
    /// `validating` and its validation episode queued); returns the submission's id.
    func intakeSubmission(
        teamId: Int64, contestId: String, sha256: String, runtime: String, bundle: Data, verdict: SubmissionVerdict
    ) async throws -> Int64
    /// Moves a submission to `status`, appending to its history; optionally sets report and charge.
    func transitionSubmission(
        id: Int64, to status: String, detail: String?, validationReport: String?, charged: Bool?
    ) async throws
    /// A team's submissions, newest first.
    func submissions(teamId: Int64) async throws -> [SubmissionRecord]
    /// One submission.
    func submission(id: Int64) async throws -> SubmissionRecord?
    /// Quota counters of a team since `since`.
    func quotaCounts(teamId: Int64, since: Date) async throws -> ArenaStore.QuotaCounts
    /// Reserves one upload under `caps` atomically (open reservations count as in flight, charged
    /// and invalid), or says which cap refuses it. Taken before an upload's body is read.
    func reserveSubmission(teamId: Int64, caps: SubmissionCaps, since: Date, ttlSeconds: Int) async throws
        -> SubmissionReservation
    /// Releases a reservation (its submission is stored, or the upload failed).
    func releaseReservation(id: Int64) async throws
    /// Marks a submission as the team's final selection.
    func selectSubmission(id: Int64, teamId: Int64) async throws -> ArenaStore.SelectionOutcome
    /// The id of the team's selected submission, if it has one.
    func selectedSubmissionId(teamId: Int64) async throws -> Int64?
}
