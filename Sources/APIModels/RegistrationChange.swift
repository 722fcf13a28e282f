/// `POST /v1/admin/contests/{id}/registration`.
public struct RegistrationChange: Codable, Sendable, Equatable {
    public var open: Bool
    public init(open: Bool) { self.open = open }
}
