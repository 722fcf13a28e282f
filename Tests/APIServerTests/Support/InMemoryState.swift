import Foundation

@testable import Storage

/// The rows of `InMemoryArena`, one table per dictionary.
struct InMemoryState {
    var nextId: Int64 = 1
    var contests: [String: ContestRecord] = [:]
    /// Contest ids in creation order.
    var contestOrder: [String] = []
    var frozenBoards: [String: String] = [:]
    var boards: [String: (rows: [String], evaluationId: Int64?, updatedAt: Date?)] = [:]
    var organizerTokens: [Data: String] = [:]
    var teamTokens: [Data: Int64] = [:]
    var teams: [Int64: TeamRecord] = [:]
    var submissions: [Int64: SubmissionRecord] = [:]
    /// Selected submission per team.
    var selections: [Int64: Int64] = [:]
    var runs: [Int64: RunRecord] = [:]
    /// Results per run, per team.
    var results: [Int64: [Int64: RunResultRecord]] = [:]
    var artifacts: [Int64: (transcript: Data?, attestation: String?)] = [:]
    var keys: [ArenaStore.PublicKeyRecord] = []
    var audit: [ArenaStore.AuditEvent] = []
    /// Queued jobs: contest id and, for reruns, the run id.
    var jobs: [(id: Int64, contestId: String, runId: Int64?)] = []

    mutating func makeId() -> Int64 {
        defer { nextId += 1 }
        return nextId
    }
}
