/// Whether teams may register, and whether they need an invite code.
public struct RegistrationSettings: Codable, Sendable, Hashable {
    public var open: Bool
    /// When set, registration requires this code.
    public var inviteCode: String?

    public init(open: Bool = true, inviteCode: String? = nil) {
        self.open = open
        self.inviteCode = inviteCode
    }

    enum CodingKeys: String, CodingKey {
        case open
        case inviteCode = "invite_code"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        open = try container.decodeIfPresent(Bool.self, forKey: .open) ?? true
        inviteCode = try container.decodeIfPresent(String.self, forKey: .inviteCode)
    }
}
