public import Foundation
public import Storage

/// Bearer tokens and whom they belong to. Tokens are stored and looked up by SHA-256 only.
public protocol IdentityRepository: Sendable {
    /// The organizer owning an unrevoked token, or nil.
    func organizer(tokenHash: Data) async throws -> String?
    /// The team owning an unrevoked token, or nil.
    func team(tokenHash: Data) async throws -> TeamRecord?
    /// Revokes every token of the team and stores a new one.
    func rotateToken(teamId: Int64, newHash: Data) async throws
}
