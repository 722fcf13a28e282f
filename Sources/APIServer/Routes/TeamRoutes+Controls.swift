import APIModels
import ContestModel
import Foundation
import HTTPTypes
import Storage

extension TeamRoutes {
    /// Registers `name` under the contest's registration controls (`RegistrationSettings`): the
    /// caps per contest and per client address, a single-use invite when the contest is
    /// invite-only, and the members' contact addresses when it asks for a team size. Checked
    /// and written in one database transaction, so concurrent registrations cannot exceed a cap.
    func registerControlled(
        contest: ContestRecord, name: String, body: TeamRegistrationRequest, tokenHash: Data, address: String
    ) async throws -> TeamRecord {
        let settings = try ContestDefinition.decode(json: contest.definitionJSON).registration
        let controls = RegistrationControls(
            address: address, members: try Self.members(body.members, teamSize: settings.teamSize),
            maxTeams: settings.maxTeams, maxTeamsPerAddress: settings.maxTeamsPerAddress,
            inviteOnly: settings.inviteOnly,
            inviteHash: settings.inviteOnly ? body.inviteCode.map(TokenHash.hash) : nil)
        switch try await teams.registerTeam(contestId: contest.id, name: name, tokenHash: tokenHash, controls: controls)
        {
        case .registered(let team):
            return team
        case .refused(.nameTaken):
            throw APIError(
                .conflict, code: "team_name_taken",
                "a team named \(name) is already registered; pick another name or use its token")
        case .refused(.contestFull):
            throw APIError(
                .conflict, code: "contest_full", "\(contest.id) has its maximum of \(settings.maxTeams ?? 0) teams")
        case .refused(.addressFull):
            throw APIError(
                .forbidden, code: "address_limit",
                "at most \(settings.maxTeamsPerAddress ?? 0) teams may register from one address in \(contest.id)")
        case .refused(.inviteRequired):
            throw APIError(
                .forbidden, code: "invite_required",
                "\(contest.id) is invite-only: give an unused invite code from the organizers")
        case .refused(.memberTaken):
            throw APIError(
                .conflict, code: "member_taken", "a listed member is already in a team of \(contest.id)")
        }
    }

    /// The members' addresses, lower-cased, when the contest asks for them; `400 invalid_members`
    /// when the list does not fit.
    static func members(_ given: [String]?, teamSize: RegistrationSettings.TeamSize?) throws -> [String] {
        guard let size = teamSize else { return [] }
        let members = (given ?? []).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard (size.min...size.max).contains(members.count) else {
            throw APIError.badRequest(
                "invalid_members", "list \(size.min)-\(size.max) members by contact e-mail in `members`")
        }
        let pattern = #"^[^@\s]{1,64}@[^@\s]{1,189}\.[^@\s]{1,63}$"#
        guard members.allSatisfy({ $0.range(of: pattern, options: .regularExpression) != nil }),
            Set(members).count == members.count
        else {
            throw APIError.badRequest("invalid_members", "members must be distinct e-mail addresses")
        }
        return members
    }
}

extension TeamRoutes {
    /// Whether the stored contest takes single-use invites only.
    static func isInviteOnly(_ contest: ContestRecord) throws -> Bool {
        try ContestDefinition.decode(json: contest.definitionJSON).registration.inviteOnly
    }
}
