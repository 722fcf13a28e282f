/// Who may register and how many: the organizer's switch, a shared invite code or single-use
/// invites, caps per contest and per client address, and the team members' contact addresses.
///
/// ```yaml
/// registration:
///   open: true
///   invite_code: "…"            # shared code (secret part of the definition)
///   invite_only: true           # each team needs an unused single-use invite (organizer-issued)
///   max_teams: 500              # teams per contest
///   max_teams_per_address: 3    # teams per client address (IPv6 counted per /64)
///   team_size: { min: 1, max: 4 }   # registration lists `members` (contact e-mails), unique per contest
/// ```
public struct RegistrationSettings: Codable, Sendable, Hashable {
    public var open: Bool
    /// When set, registration requires this code.
    public var inviteCode: String?
    /// When true, every registration consumes an unused single-use invite of the contest
    /// (`POST /v1/admin/contests/{id}/invites`).
    public var inviteOnly: Bool
    /// Most teams the contest takes; nil is unlimited.
    public var maxTeams: Int?
    /// Most teams registered from one client address; nil is unlimited.
    public var maxTeamsPerAddress: Int?
    /// When set, a registration lists between `min` and `max` members by contact e-mail, and an
    /// address may be in one team per contest.
    public var teamSize: TeamSize?

    /// Members per team.
    public struct TeamSize: Codable, Sendable, Hashable {
        public var min: Int
        public var max: Int

        public init(min: Int = 1, max: Int) {
            self.min = min
            self.max = max
        }

        enum CodingKeys: String, CodingKey { case min, max }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            min = try container.decodeIfPresent(Int.self, forKey: .min) ?? 1
            max = try container.decode(Int.self, forKey: .max)
        }
    }

    public init(
        open: Bool = true, inviteCode: String? = nil, inviteOnly: Bool = false, maxTeams: Int? = nil,
        maxTeamsPerAddress: Int? = nil, teamSize: TeamSize? = nil
    ) {
        self.open = open
        self.inviteCode = inviteCode
        self.inviteOnly = inviteOnly
        self.maxTeams = maxTeams
        self.maxTeamsPerAddress = maxTeamsPerAddress
        self.teamSize = teamSize
    }

    enum CodingKeys: String, CodingKey {
        case open
        case inviteCode = "invite_code"
        case inviteOnly = "invite_only"
        case maxTeams = "max_teams"
        case maxTeamsPerAddress = "max_teams_per_address"
        case teamSize = "team_size"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        open = try container.decodeIfPresent(Bool.self, forKey: .open) ?? true
        inviteCode = try container.decodeIfPresent(String.self, forKey: .inviteCode)
        inviteOnly = try container.decodeIfPresent(Bool.self, forKey: .inviteOnly) ?? false
        maxTeams = try container.decodeIfPresent(Int.self, forKey: .maxTeams)
        maxTeamsPerAddress = try container.decodeIfPresent(Int.self, forKey: .maxTeamsPerAddress)
        teamSize = try container.decodeIfPresent(TeamSize.self, forKey: .teamSize)
    }

    /// Settings left at their defaults are not encoded, so definitions that do not use them keep
    /// their canonical JSON (and `definition_sha256`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(open, forKey: .open)
        try container.encodeIfPresent(inviteCode, forKey: .inviteCode)
        if inviteOnly { try container.encode(true, forKey: .inviteOnly) }
        try container.encodeIfPresent(maxTeams, forKey: .maxTeams)
        try container.encodeIfPresent(maxTeamsPerAddress, forKey: .maxTeamsPerAddress)
        try container.encodeIfPresent(teamSize, forKey: .teamSize)
    }
}
