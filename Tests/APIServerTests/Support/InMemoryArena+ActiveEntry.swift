import APIServer
import Foundation
import Synchronization

@testable import Storage

/// The active entry in memory. There is no runner here: a queued validation passes at once (the
/// submission is `queued` and becomes the team's entry), as a working bot's episode would.
extension InMemoryArena {
    /// The in-memory stand-in passes the validation episode at once.
    func passValidation(submissionId: Int64, contestId: String, validationReport: String) async throws {
        try await transitionSubmission(
            id: submissionId, to: "queued", detail: "validation episode passed", validationReport: validationReport,
            charged: true)
        state.withLock { state in
            guard let team = state.submissions[submissionId]?.teamId else { return }
            state.activeEntries[team] = submissionId
        }
        try await enqueueEvaluation(contestId: contestId)
    }

    func activateSubmission(id: Int64, teamId: Int64) async throws -> ArenaStore.ActivationOutcome {
        state.withLock { state in
            guard let record = state.submissions[id], record.teamId == teamId else { return .notFound }
            guard ArenaStore.validatedStatuses.contains(record.status) else {
                return .notActivatable(status: record.status)
            }
            if state.activeEntries[teamId] == id { return .unchanged }
            state.activeEntries[teamId] = id
            return .activated
        }
    }

    func activeSubmissionId(teamId: Int64) async throws -> Int64? {
        state.withLock { $0.activeEntries[teamId] }
    }
}
