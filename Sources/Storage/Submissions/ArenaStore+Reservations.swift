public import Foundation
import PostgresNIO

extension ArenaStore {
    /// Reserves one upload for `teamId` under `caps`, atomically (a per-team advisory lock in
    /// `arena_reserve_submission`, migration 0006): open reservations count as in flight, as
    /// charged and as invalid until released, so concurrent uploads can never exceed a cap.
    /// Called before the upload's body is read.
    ///
    /// - Parameters:
    ///   - since: start of the quota day (UTC midnight).
    ///   - ttlSeconds: after this long an unreleased reservation no longer counts (an API
    ///     process that died mid-upload).
    public func reserveSubmission(teamId: Int64, caps: SubmissionCaps, since: Date, ttlSeconds: Int) async throws
        -> SubmissionReservation
    {
        let rows = try await client.query(
            """
            SELECT reservation_id, refusal, charged, invalid, in_flight, reserved
            FROM arena_reserve_submission(\(teamId), \(since), \(caps.perDay)::integer, \(caps.maxInFlight)::integer,
                \(caps.invalidPerDay)::integer, \(ttlSeconds)::integer)
            """, logger: logger)
        for try await (id, refusal, charged, invalid, inFlight, reserved) in rows.decode(
            (Int64?, String?, Int, Int, Int, Int).self)
        {
            let counts = SubmissionReservation.Counts(
                charged: charged, invalid: invalid, inFlight: inFlight, reserved: reserved)
            if let id { return .reserved(id: id, counts: counts) }
            let reason = refusal.flatMap(SubmissionReservation.Refusal.init(rawValue:)) ?? .tooManyInFlight
            return .refused(reason, counts: counts)
        }
        throw StorageError(.conflict, "no reservation decision was returned")
    }

    /// Releases a reservation (after its submission is stored, or when the upload failed).
    public func releaseReservation(id: Int64) async throws {
        try await client.query("DELETE FROM submission_reservations WHERE id = \(id)", logger: logger)
    }
}
