/// `POST /v1/contests/{id}/teams` request.
public struct TeamRegistrationRequest: Codable, Sendable, Equatable {
    public var name: String
    public var inviteCode: String?

    public init(name: String, inviteCode: String? = nil) {
        self.name = name
        self.inviteCode = inviteCode
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
