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
    public var definitionSha256: String

    public init(
        id: String, name: String, description: String?, instruments: [String], registrationOpen: Bool,
        inviteRequired: Bool, frozen: Bool, published: Bool, ticksPerRun: Int, heatSize: Int, rounds: Int,
        metric: String, phases: [PhaseView], definitionSha256: String
    ) {
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

/// A contest phase.
public struct PhaseView: Codable, Sendable, Equatable {
    public var name: String
    public var startsAt: String?
    public var endsAt: String?
    public var finalSelection: Bool

    public init(name: String, startsAt: String?, endsAt: String?, finalSelection: Bool) {
        self.name = name
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.finalSelection = finalSelection
    }
}
