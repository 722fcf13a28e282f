/// The answer to a controlled registration (`ArenaStore.registerTeam(...controls:)`).
public enum RegistrationOutcome: Sendable, Equatable {
    case registered(TeamRecord)
    case refused(Refusal)

    /// Which control refused the registration.
    public enum Refusal: String, Sendable, Equatable {
        /// Another team of the contest has this name.
        case nameTaken = "name_taken"
        /// The contest has its maximum number of teams.
        case contestFull = "contest_full"
        /// The client address registered its maximum number of teams in this contest.
        case addressFull = "address_full"
        /// Invite-only contest and no unused invite of it was presented.
        case inviteRequired = "invite_required"
        /// A member's contact address is already in a team of the contest.
        case memberTaken = "member_taken"
    }
}
