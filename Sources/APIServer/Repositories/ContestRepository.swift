public import Foundation
public import Storage

/// Contest changes made by organizers: definitions, registration, freezing and publication
/// (the API only asks for it: a runner signs the board).
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
    /// Freezes (the public sees a snapshot of the current rows, taken by the database) or
    /// unfreezes the public leaderboard.
    func setFrozen(contestId: String, frozen: Bool) async throws
    /// Seals the contest and queues the signing of board version 1, or — once a board exists —
    /// queues an amendment (a reason is required). Returns the publish job's id.
    func requestPublication(contestId: String, actor: String, reason: String?) async throws -> Int64
}
