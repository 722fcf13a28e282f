/// `POST /v1/admin/teams/{id}/disqualify`.
public struct DisqualifyRequest: Codable, Sendable, Equatable {
    public var reason: String
    public init(reason: String) { self.reason = reason }
}
