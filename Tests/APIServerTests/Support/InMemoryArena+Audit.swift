import APIServer
import Foundation
import Synchronization

@testable import Storage

extension InMemoryArena: AuditRepository {
    func appendAudit(actor: String, action: String, subject: String, details: [String: String]) async throws {
        state.withLock { state in
            let previous = state.audit.last?.hash ?? String(repeating: "0", count: 64)
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let detailsJSON = String(decoding: (try? encoder.encode(details)) ?? Data("{}".utf8), as: UTF8.self)
            let id = Int64(state.audit.count + 1)
            state.audit.append(
                ArenaStore.AuditEvent(
                    id: id, at: ISO8601DateFormatter().string(from: Date()), actor: actor, action: action,
                    subject: subject, detailsJSON: detailsJSON, previousHash: previous,
                    hash: TokenHash.hex(Data((previous + actor + action + subject + detailsJSON).utf8))))
        }
    }

    func auditEvents() async throws -> [ArenaStore.AuditEvent] {
        state.withLock { $0.audit }
    }
}
