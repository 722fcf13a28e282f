import APIModels

/// Who a token belongs to (`arena whoami --json` prints this shape).
struct Identity: Codable, Sendable {
    /// Organizer identity (`GET /v1/admin/me`).
    struct Organizer: Codable, Sendable {
        var organizer: String
    }

    var profile: String
    var server: String
    /// `team` or `organizer`.
    var role: String
    var team: TeamView?
    var organizer: String?

    var summary: String {
        if let team { return "team \(team.name) (id \(team.teamId), contest \(team.contestId))" }
        return "organizer \(organizer ?? "?")"
    }

    /// Asks the server who the session's token is.
    static func fetch(_ session: Session) async throws -> Identity {
        let client = try session.authenticatedClient()
        if session.token?.hasPrefix("pa_org_") == true {
            let organizer = try await client.get("/v1/admin/me", as: Organizer.self)
            return Identity(
                profile: session.profileName, server: session.server, role: "organizer", team: nil,
                organizer: organizer.organizer)
        }
        let team = try await client.get("/v1/me", as: TeamView.self)
        return Identity(profile: session.profileName, server: session.server, role: "team", team: team, organizer: nil)
    }
}
