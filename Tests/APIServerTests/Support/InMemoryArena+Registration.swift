import APIServer
import Foundation
import Synchronization

@testable import Storage

/// Controlled registration as `arena_register_team` does it, under the one lock of the state.
extension InMemoryArena {
    func registerTeam(contestId: String, name: String, tokenHash: Data, controls: RegistrationControls) async throws
        -> RegistrationOutcome
    {
        state.withLock { state in
            let contestTeams = state.teams.values.filter { $0.contestId == contestId }
            if contestTeams.contains(where: { $0.name == name }) { return .refused(.nameTaken) }
            if let max = controls.maxTeams, contestTeams.count >= max { return .refused(.contestFull) }
            if let max = controls.maxTeamsPerAddress,
                contestTeams.filter({ state.registrationAddresses[$0.id] == controls.address }).count >= max
            {
                return .refused(.addressFull)
            }
            if controls.inviteOnly {
                guard let hash = controls.inviteHash, let invite = state.invites[hash], invite.contestId == contestId,
                    invite.usedBy == nil
                else { return .refused(.inviteRequired) }
            }
            if controls.members.contains(where: { state.members["\(contestId)|\($0)"] != nil }) {
                return .refused(.memberTaken)
            }
            let team = TeamRecord(
                id: state.makeId(), contestId: contestId, name: name, createdAt: Date(), disqualifiedAt: nil,
                disqualifyReason: nil)
            state.teams[team.id] = team
            state.teamTokens[tokenHash] = team.id
            state.registrationAddresses[team.id] = controls.address
            for member in controls.members { state.members["\(contestId)|\(member)"] = team.id }
            if controls.inviteOnly, let hash = controls.inviteHash { state.invites[hash]?.usedBy = team.id }
            return .registered(team)
        }
    }

    func createInvites(contestId: String, hashes: [Data], createdBy: String) async throws {
        state.withLock { state in
            for hash in hashes { state.invites[hash] = (contestId, nil) }
        }
    }

    func inviteCounts(contestId: String) async throws -> (issued: Int, used: Int) {
        state.withLock { state in
            let own = state.invites.values.filter { $0.contestId == contestId }
            return (own.count, own.filter { $0.usedBy != nil }.count)
        }
    }
}
