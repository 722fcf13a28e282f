/// `GET /v1/me`: the calling team.
public struct TeamView: Codable, Sendable, Equatable {
    public var teamId: Int64
    public var name: String
    public var contestId: String
    public var disqualified: Bool
    public var disqualifyReason: String?

    public init(teamId: Int64, name: String, contestId: String, disqualified: Bool, disqualifyReason: String?) {
        self.teamId = teamId
        self.name = name
        self.contestId = contestId
        self.disqualified = disqualified
        self.disqualifyReason = disqualifyReason
    }
}
