public import Foundation
import PostgresNIO

extension ArenaStore {
    /// Registers a team under `controls` in one transaction (`arena_register_team`, migration
    /// 0006: caps per contest and per address, single-use invites, unique member addresses,
    /// serialised per contest). Throws `StorageError.contestClosed` when the contest's phases or
    /// publication close registration.
    public func registerTeam(
        contestId: String, name: String, tokenHash: Data, controls: RegistrationControls
    ) async throws -> RegistrationOutcome {
        try await StorageError.mapping {
            let rows = try await client.query(
                """
                SELECT team_id, created_at, refusal FROM arena_register_team(
                    \(contestId), \(name), \(tokenHash), \(controls.address), \(controls.members)::text[],
                    \(controls.maxTeams)::integer, \(controls.maxTeamsPerAddress)::integer, \(controls.inviteOnly),
                    \(controls.inviteHash)::bytea)
                """, logger: logger)
            for try await (id, created, refusal) in rows.decode((Int64?, Date?, String?).self) {
                if let id, let created {
                    return .registered(
                        TeamRecord(
                            id: id, contestId: contestId, name: name, createdAt: created, disqualifiedAt: nil,
                            disqualifyReason: nil))
                }
                return .refused(refusal.flatMap(RegistrationOutcome.Refusal.init(rawValue:)) ?? .nameTaken)
            }
            throw StorageError(.conflict, "no registration decision was returned")
        }
    }

    /// Stores single-use invites of a contest by their SHA-256 (the codes themselves are shown
    /// once to the organizer who created them).
    public func createInvites(contestId: String, hashes: [Data], createdBy: String) async throws {
        let hex = hashes.map { $0.map { String(format: "%02x", $0) }.joined() }
        try await client.query(
            """
            INSERT INTO contest_invites (code_sha256, contest_id, created_by)
            SELECT decode(h, 'hex'), \(contestId), \(createdBy) FROM unnest(\(hex)::text[]) AS h
            """, logger: logger)
    }

    /// Invites of a contest: how many were issued and how many are used.
    public func inviteCounts(contestId: String) async throws -> (issued: Int, used: Int) {
        let rows = try await client.query(
            """
            SELECT count(*), count(*) FILTER (WHERE used_at IS NOT NULL) FROM contest_invites
            WHERE contest_id = \(contestId)
            """, logger: logger)
        for try await (issued, used) in rows.decode((Int, Int).self) { return (issued, used) }
        return (0, 0)
    }
}
