/// `POST /v1/admin/contests/{id}/invite`: set a new invite code, or `null` to drop the requirement.
public struct InviteChange: Codable, Sendable, Equatable {
    public var code: String?
    public init(code: String?) { self.code = code }
}
