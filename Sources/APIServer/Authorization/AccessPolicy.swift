import Storage

/// Who may call the routes of a route group. The policy is checked once, when a request enters
/// its group, so a handler reads an already-authorised caller from its context and never checks
/// roles itself. A presented but unknown token is refused before any policy (`AuthMiddleware`).
public enum AccessPolicy: String, Sendable, CaseIterable {
    /// Anyone, with or without a token (`ArenaRequestContext`, identity optional).
    case anyone = "public"
    /// Team tokens only (`TeamRequestContext`): no token → 401, an organizer token → 403.
    case team
    /// Organizer tokens only (`OrganizerRequestContext`): no token → 401, a team token → 403.
    case organizer

    /// The team allowed by `.team`, or the error refusing `identity`.
    static func team(_ identity: Identity?) throws -> TeamRecord {
        guard let identity else { throw APIError.unauthorized() }
        guard case .team(let team) = identity else { throw APIError.forbidden("this route is for team tokens") }
        return team
    }

    /// The organizer's name allowed by `.organizer`, or the error refusing `identity`.
    static func organizer(_ identity: Identity?) throws -> String {
        guard let identity else { throw APIError.unauthorized() }
        guard case .organizer(let name) = identity else { throw APIError.forbidden("this route is for organizers") }
        return name
    }
}
