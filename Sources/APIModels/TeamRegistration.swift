/// `POST /v1/contests/{id}/teams` request.
public struct TeamRegistrationRequest: Codable, Sendable, Equatable {
    public var name: String
    /// The contest's shared invite code, or a single-use invite when the contest is invite-only.
    public var inviteCode: String?
    /// Members' contact e-mail addresses, when the contest asks for them (`registration.team_size`).
    public var members: [String]?

    public init(name: String, inviteCode: String? = nil, members: [String]? = nil) {
        self.name = name
        self.inviteCode = inviteCode
        self.members = members
    }
}

/// `POST /v1/contests/{id}/teams` response. The token is shown only here, once.
public struct TeamRegistrationResponse: Codable, Sendable, Equatable {
    public var teamId: Int64
    public var name: String
    public var contestId: String
    public var token: String

    public init(teamId: Int64, name: String, contestId: String, token: String) {
        self.teamId = teamId
        self.name = name
        self.contestId = contestId
        self.token = token
    }
}
