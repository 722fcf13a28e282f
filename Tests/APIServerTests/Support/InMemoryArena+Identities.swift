import APIServer
import Foundation
import Storage
import Synchronization

extension InMemoryArena: IdentityRepository {
    func organizer(tokenHash: Data) async throws -> String? {
        state.withLock { state in
            state.identityLookups += 1
            return state.organizerTokens[tokenHash]
        }
    }

    func team(tokenHash: Data) async throws -> TeamRecord? {
        state.withLock { state in
            state.identityLookups += 1
            return state.teamTokens[tokenHash].flatMap { state.teams[$0] }
        }
    }

    func rotateToken(teamId: Int64, newHash: Data) async throws {
        state.withLock { state in
            state.teamTokens = state.teamTokens.filter { $0.value != teamId }
            state.teamTokens[newHash] = teamId
        }
    }
}
