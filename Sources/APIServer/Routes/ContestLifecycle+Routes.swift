import ContestModel
import Foundation
import HTTPTypes
import Storage

extension ContestLifecycle {
    /// The lifecycle of a stored contest now.
    init(record: ContestRecord, now: Date = Date()) throws {
        self.init(
            definition: try ContestDefinition.decode(json: record.definitionJSON), now: now,
            published: record.publishedAt != nil)
    }

    /// Throws `409 contest_closed` (with the phase times) unless `activity` is accepted now.
    func require(_ activity: Activity) throws {
        if let message = closedMessage(for: activity) {
            throw APIError(.conflict, code: "contest_closed", message)
        }
    }
}
