import APIServer
import Foundation
import Synchronization

@testable import Storage

extension InMemoryArena: ContestRepository {
    func contests() async throws -> [ContestRecord] {
        state.withLock { state in state.contestOrder.reversed().compactMap { state.contests[$0] } }
    }

    func contest(id: String) async throws -> ContestRecord? {
        state.withLock { $0.contests[id] }
    }

    func upsertContest(
        id: String, name: String, definitionJSON: String, sha256: String, registrationOpen: Bool,
        inviteCodeHash: Data?, secret: ContestSecretRecord?
    ) async throws -> Bool {
        state.withLock { state in
            if var existing = state.contests[id] {
                existing.name = name
                existing.definitionJSON = definitionJSON
                existing.definitionSHA256 = sha256
                state.contests[id] = existing
                return false
            }
            state.contests[id] = ContestRecord(
                id: id, name: name, definitionJSON: definitionJSON, definitionSHA256: sha256,
                registrationOpen: registrationOpen, inviteCodeSHA256: inviteCodeHash, frozenAt: nil, publishedAt: nil)
            state.contestOrder.append(id)
            return true
        }
    }

    func setRegistration(contestId: String, open: Bool) async throws {
        state.withLock { $0.contests[contestId]?.registrationOpen = open }
    }

    func setInviteCode(contestId: String, hash: Data?) async throws {
        state.withLock { $0.contests[contestId]?.inviteCodeSHA256 = hash }
    }

    func setFrozen(contestId: String, frozen: Bool) async throws {
        state.withLock { state in
            if !frozen {
                state.contests[contestId]?.frozenAt = nil
                state.frozenBoards[contestId] = nil
            } else if state.contests[contestId]?.frozenAt == nil {
                // As the database does: the snapshot of the current rows, taken with the freeze.
                state.contests[contestId]?.frozenAt = Date()
                state.frozenBoards[contestId] = state.boards[contestId] ?? ([], nil, nil)
            }
        }
    }

    func requestPublication(contestId: String, actor: String, reason: String?) async throws -> Int64 {
        state.withLock { state in
            if state.contests[contestId]?.publishedAt == nil { state.contests[contestId]?.publishedAt = Date() }
            return state.makeId()
        }
    }
}
