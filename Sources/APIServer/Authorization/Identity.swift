public import Storage

/// Who is calling, resolved from the bearer token.
public enum Identity: Sendable, Equatable {
    case organizer(name: String)
    case team(TeamRecord)

    /// The team, when the caller is one.
    public var team: TeamRecord? {
        if case .team(let team) = self { return team }
        return nil
    }

    public var isOrganizer: Bool {
        if case .organizer = self { return true }
        return false
    }

    /// A label for logs and the audit trail (never the token).
    public var actor: String {
        switch self {
        case .organizer(let name): "organizer:\(name)"
        case .team(let team): "team:\(team.id)"
        }
    }
}
