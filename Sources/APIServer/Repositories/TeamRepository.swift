import Foundation
import Storage

/// Teams: registration, lookups and disqualification.
public protocol TeamRepository: Sendable {
    /// Registers a team with a token hash; nil when the name is taken in this contest.
    func registerTeam(contestId: String, name: String, tokenHash: Data) async throws -> TeamRecord?
    /// One team by id.
    func team(id: Int64) async throws -> TeamRecord?
    /// A contest's teams by registration order.
    func teams(contestId: String) async throws -> [TeamRecord]
    /// Disqualifies (reason non-nil) or reinstates (nil) a team.
    func setDisqualified(teamId: Int64, reason: String?) async throws
}
