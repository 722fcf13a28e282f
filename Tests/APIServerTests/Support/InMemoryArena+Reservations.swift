import APIServer
import Foundation
import Synchronization

@testable import Storage

/// Upload reservations as `arena_reserve_submission` makes them: decided under the one lock of
/// the in-memory state, so concurrent uploads see each other's reservations.
extension InMemoryArena {
    func reserveSubmission(teamId: Int64, caps: SubmissionCaps, since: Date, ttlSeconds: Int) async throws
        -> SubmissionReservation
    {
        state.withLock { state in
            let now = Date()
            state.reservations = state.reservations.filter { $0.value.expires > now }
            let own = state.submissions.values.filter { $0.teamId == teamId }
            let today = own.filter { $0.createdAt >= since }
            let reserved = state.reservations.values.filter { $0.teamId == teamId }.count
            var counts = SubmissionReservation.Counts(
                charged: today.filter(\.charged).count, invalid: today.filter { $0.status == "rejected" }.count,
                inFlight: own.filter { ["received", "validating", "queued", "running"].contains($0.status) }.count,
                reserved: reserved)
            if counts.inFlight + reserved >= caps.maxInFlight { return .refused(.tooManyInFlight, counts: counts) }
            if counts.charged + reserved >= caps.perDay { return .refused(.quotaExceeded, counts: counts) }
            if counts.invalid + reserved >= caps.invalidPerDay {
                return .refused(.invalidQuotaExceeded, counts: counts)
            }
            let id = state.makeId()
            state.reservations[id] = (teamId, now.addingTimeInterval(TimeInterval(ttlSeconds)))
            counts.reserved += 1
            return .reserved(id: id, counts: counts)
        }
    }

    func releaseReservation(id: Int64) async throws {
        state.withLock { _ = $0.reservations.removeValue(forKey: id) }
    }

    /// Open reservations of every team.
    var openReservations: Int { state.withLock { $0.reservations.count } }

    /// Token lookups so far.
    var identityLookups: Int { state.withLock { $0.identityLookups } }
}
