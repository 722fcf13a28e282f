import Foundation

/// What a `publish` job asks for (its payload, written by `arena_request_publication`).
public struct PublishJob: Sendable, Equatable, Decodable {
    /// The board version to produce: 1 for the publication, n + 1 for an amendment.
    public var version: Int
    /// The sealed evaluation the board is ranked from.
    public var evaluationId: Int64
    /// The amendment's reason (nil for the publication).
    public var reason: String?
    /// Who asked (`organizer:NAME`).
    public var actor: String

    public init(version: Int, evaluationId: Int64, reason: String?, actor: String) {
        self.version = version
        self.evaluationId = evaluationId
        self.reason = reason
        self.actor = actor
    }

    enum CodingKeys: String, CodingKey {
        case version
        case evaluationId = "evaluation_id"
        case reason, actor
    }
}
