import Foundation
import Storage

/// Contest changes made by organizers: definitions, registration, freezing and publication.
public protocol ContestRepository: ContestReading {
    /// Creates the contest, or updates its definition when it exists. Returns true when created.
    /// `secret` (the private part of the definition with its commitment) is stored apart, never served.
    func upsertContest(
        id: String, name: String, definitionJSON: String, sha256: String,
        registrationOpen: Bool, inviteCodeHash: Data?, secret: ContestSecretRecord?
    ) async throws -> Bool
    /// Opens or closes registration.
    func setRegistration(contestId: String, open: Bool) async throws
    /// Sets (or clears, with nil) the invite code hash.
    func setInviteCode(contestId: String, hash: Data?) async throws
    /// Freezes or unfreezes the public leaderboard.
    func setFrozen(contestId: String, frozen: Bool) async throws
    /// Stores the board shown while frozen (or clears it with nil).
    func storeFrozenBoard(contestId: String, json: String?) async throws
    /// Marks the results final and public.
    func publish(contestId: String) async throws
}
