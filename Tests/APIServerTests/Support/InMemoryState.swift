import Foundation

@testable import Storage

/// The rows of `InMemoryArena`, one table per dictionary.
struct InMemoryState {
    var nextId: Int64 = 1
    var contests: [String: ContestRecord] = [:]
    /// Contest ids in creation order.
    var contestOrder: [String] = []
    /// The public snapshot taken when a contest is frozen.
    var frozenBoards: [String: (rows: [String], evaluationId: Int64?, updatedAt: Date?)] = [:]
    var boards: [String: (rows: [String], evaluationId: Int64?, updatedAt: Date?)] = [:]
    var organizerTokens: [Data: String] = [:]
    var teamTokens: [Data: Int64] = [:]
    var teams: [Int64: TeamRecord] = [:]
    var submissions: [Int64: SubmissionRecord] = [:]
    /// Selected submission per team.
    var selections: [Int64: Int64] = [:]
    /// Active entry per team.
    var activeEntries: [Int64: Int64] = [:]
    var runs: [Int64: RunRecord] = [:]
    /// Results per run, per team.
    var results: [Int64: [Int64: RunResultRecord]] = [:]
    var artifacts: [Int64: (transcript: Data?, attestation: String?)] = [:]
    /// Stored integrity reports, in insertion order.
    var integrityReports: [IntegrityReportRecord] = []
    var keys: [ArenaStore.PublicKeyRecord] = []
    var audit: [ArenaStore.AuditEvent] = []
    /// Queued jobs: contest id and, for reruns, the run id.
    var jobs: [(id: Int64, contestId: String, runId: Int64?)] = []
    /// Open upload reservations: team and expiry.
    var reservations: [Int64: (teamId: Int64, expires: Date)] = [:]
    /// Registration address per team; member addresses (contest, e-mail) → team; invites by hash.
    var registrationAddresses: [Int64: String] = [:]
    var members: [String: Int64] = [:]
    var invites: [Data: (contestId: String, usedBy: Int64?)] = [:]
    /// Token lookups done by `IdentityRepository` (the database lookups of the real store).
    var identityLookups = 0
    /// Reads of stored leaderboard rows.
    var boardReads = 0

    mutating func makeId() -> Int64 {
        defer { nextId += 1 }
        return nextId
    }
}
