import APIServer
import Foundation
import Synchronization

@testable import Storage

extension InMemoryArena: TeamRepository {
    func registerTeam(contestId: String, name: String, tokenHash: Data) async throws -> TeamRecord? {
        state.withLock { state in
            guard !state.teams.values.contains(where: { $0.contestId == contestId && $0.name == name }) else {
                return nil
            }
            let team = TeamRecord(
                id: state.makeId(), contestId: contestId, name: name, createdAt: Date(), disqualifiedAt: nil,
                disqualifyReason: nil)
            state.teams[team.id] = team
            state.teamTokens[tokenHash] = team.id
            return team
        }
    }

    func team(id: Int64) async throws -> TeamRecord? {
        state.withLock { $0.teams[id] }
    }

    func teams(contestId: String) async throws -> [TeamRecord] {
        state.withLock { $0.teams.values.filter { $0.contestId == contestId }.sorted { $0.id < $1.id } }
    }

    func setDisqualified(teamId: Int64, reason: String?) async throws {
        state.withLock { state in
            state.teams[teamId]?.disqualifiedAt = reason == nil ? nil : Date()
            state.teams[teamId]?.disqualifyReason = reason
        }
    }
}
