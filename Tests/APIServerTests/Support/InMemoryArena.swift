import APIServer
import Foundation
import Synchronization

@testable import Storage

/// Every repository of the API in memory, for tests without PostgreSQL. One shared state, so a
/// team registered through `TeamRepository` is found by its token through `IdentityRepository`,
/// as with the real store. Business rules mirror `ArenaStore` where routes depend on them
/// (unique team names per contest, selectable statuses, rerun refusals, quota counters).
final class InMemoryArena: Sendable {
    let state = Mutex(InMemoryState())

    /// A new organizer token.
    func addOrganizer(name: String = "org") -> String {
        let token = TokenHash.generate(prefix: "pa_org")
        state.withLock { $0.organizerTokens[TokenHash.hash(token)] = name }
        return token
    }

    /// A finished run of `contestId` in which `teams` took part, with a transcript and attestation.
    func addRun(contestId: String, teams: [Int64], status: String = "complete") -> Int64 {
        state.withLock { state in
            let id = state.makeId()
            state.runs[id] = RunRecord(
                id: id, evaluationId: 1, contestId: contestId, round: 0, heat: 0, seed: 11, seedPublic: true,
                status: status, transcriptRoot: "root-\(id)")
            for (rank, team) in teams.enumerated() {
                state.results[id, default: [:]][team] = RunResultRecord(
                    teamId: team, submissionId: 0, finalEquity: 10_000_000_000, pnl: 0, score: 0, fees: 0,
                    funding: 0, trades: 0, liquidations: 0, maxDrawdown: 0, faultCode: nil, faultTick: nil,
                    rankInRun: rank + 1, reportJSON: "{}", logs: "log of team \(team)\n")
            }
            state.artifacts[id] = (Data("transcript \(id)".utf8), #"{"run":\#(id)}"#)
            return id
        }
    }

    /// Sets the stored leaderboard rows (JSON) of a contest.
    func setBoard(contestId: String, rows: [String], evaluationId: Int64?) {
        state.withLock { $0.boards[contestId] = (rows, evaluationId, Date()) }
    }

    /// Audit actions in order.
    var auditActions: [String] { state.withLock { $0.audit.map(\.action) } }

    /// Contest ids of the queued jobs, in order.
    var queuedContests: [String] { state.withLock { $0.jobs.map(\.contestId) } }
}
