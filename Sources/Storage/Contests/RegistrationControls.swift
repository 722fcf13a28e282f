public import Foundation

/// What a registration must satisfy beyond a free team name (`ArenaStore.registerTeam(...controls:)`).
public struct RegistrationControls: Sendable, Equatable {
    /// The client address the registration came from (the per-address cap's key).
    public var address: String
    /// Members' contact addresses, lower-cased; each may be in one team per contest.
    public var members: [String]
    /// Teams per contest; nil is unlimited.
    public var maxTeams: Int?
    /// Teams per client address and contest; nil is unlimited.
    public var maxTeamsPerAddress: Int?
    /// Registration needs an unused single-use invite of the contest.
    public var inviteOnly: Bool
    /// SHA-256 of the presented single-use invite code.
    public var inviteHash: Data?

    public init(
        address: String, members: [String] = [], maxTeams: Int? = nil, maxTeamsPerAddress: Int? = nil,
        inviteOnly: Bool = false, inviteHash: Data? = nil
    ) {
        self.address = address
        self.members = members
        self.maxTeams = maxTeams
        self.maxTeamsPerAddress = maxTeamsPerAddress
        self.inviteOnly = inviteOnly
        self.inviteHash = inviteHash
    }
}
