public import Foundation
public import Storage

/// Teams: registration, lookups and disqualification.
public protocol TeamRepository: Sendable {
    /// Registers a team with a token hash; nil when the name is taken in this contest.
    func registerTeam(contestId: String, name: String, tokenHash: Data) async throws -> TeamRecord?
    /// Registers a team under the contest's registration controls (caps per contest and per
    /// address, single-use invites, unique member addresses), atomically.
    func registerTeam(contestId: String, name: String, tokenHash: Data, controls: RegistrationControls) async throws
        -> RegistrationOutcome
    /// Stores single-use invites of a contest by their SHA-256.
    func createInvites(contestId: String, hashes: [Data], createdBy: String) async throws
    /// Invites of a contest: issued and used.
    func inviteCounts(contestId: String) async throws -> (issued: Int, used: Int)
    /// One team by id.
    func team(id: Int64) async throws -> TeamRecord?
    /// A contest's teams by registration order.
    func teams(contestId: String) async throws -> [TeamRecord]
    /// Disqualifies (reason non-nil) or reinstates (nil) a team.
    func setDisqualified(teamId: Int64, reason: String?) async throws
}
