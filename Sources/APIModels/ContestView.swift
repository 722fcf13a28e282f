import Foundation

/// A contest as the public sees it.
public struct ContestView: Codable, Sendable, Equatable {
    public var id: String
    public var name: String
    public var description: String?
    public var instruments: [String]
    public var registrationOpen: Bool
    public var inviteRequired: Bool
    public var frozen: Bool
    public var published: Bool
    public var ticksPerRun: Int
    public var heatSize: Int
    public var rounds: Int
    public var metric: String
    public var phases: [PhaseView]
    /// SHA-256 of the redacted public definition (`GET /v1/contests/{id}/definition`): the
    /// contest configuration hash in every run's transcript header.
    public var definitionSha256: String
    /// Commitment to the definition's secret part (the invite code): SHA-256 of a random salt and
    /// the secret JSON; nil when the contest has no secret part.
    public var secretSha256: String?
    /// Whether a phase that accepts submissions is open now (and the contest is not published).
    public var submissionsOpen: Bool

    public init(
        id: String, name: String, description: String?, instruments: [String], registrationOpen: Bool,
        inviteRequired: Bool, frozen: Bool, published: Bool, ticksPerRun: Int, heatSize: Int, rounds: Int,
        metric: String, phases: [PhaseView], definitionSha256: String, secretSha256: String? = nil,
        submissionsOpen: Bool = true
    ) {
        self.secretSha256 = secretSha256
        self.submissionsOpen = submissionsOpen
        self.id = id
        self.name = name
        self.description = description
        self.instruments = instruments
        self.registrationOpen = registrationOpen
        self.inviteRequired = inviteRequired
        self.frozen = frozen
        self.published = published
        self.ticksPerRun = ticksPerRun
        self.heatSize = heatSize
        self.rounds = rounds
        self.metric = metric
        self.phases = phases
        self.definitionSha256 = definitionSha256
    }
}

/// A contest phase: while it is open (`starts_at <= now < ends_at`), teams may submit and/or
/// register as it says.
public struct PhaseView: Codable, Sendable, Equatable {
    public var name: String
    public var startsAt: String?
    public var endsAt: String?
    public var finalSelection: Bool
    /// Submissions are accepted while this phase is open.
    public var submissions: Bool
    /// Registrations are accepted while this phase is open.
    public var registration: Bool

    public init(
        name: String, startsAt: String?, endsAt: String?, finalSelection: Bool, submissions: Bool = true,
        registration: Bool = true
    ) {
        self.name = name
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.finalSelection = finalSelection
        self.submissions = submissions
        self.registration = registration
    }

    enum CodingKeys: String, CodingKey {
        case name, startsAt, endsAt, finalSelection, submissions, registration
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        startsAt = try container.decodeIfPresent(String.self, forKey: .startsAt)
        endsAt = try container.decodeIfPresent(String.self, forKey: .endsAt)
        finalSelection = try container.decode(Bool.self, forKey: .finalSelection)
        submissions = try container.decodeIfPresent(Bool.self, forKey: .submissions) ?? true
        registration = try container.decodeIfPresent(Bool.self, forKey: .registration) ?? true
    }
}
