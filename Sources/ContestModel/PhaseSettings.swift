/// A phase of the contest (e.g. practice, main, final) with an optional window (ISO-8601 UTC,
/// e.g. `2030-01-01T00:00:00Z`; no `starts_at` = open from the start, no `ends_at` = open until
/// publication). Submissions and registrations are accepted only while a phase that allows them
/// is open (`ContestLifecycle`); the database refuses them otherwise too.
public struct PhaseSettings: Codable, Sendable, Hashable {
    public var name: String
    public var startsAt: String?
    public var endsAt: String?
    /// Teams pick which submission counts at the end of the phase.
    public var finalSelection: Bool
    /// Teams may submit while this phase is open (default true).
    public var submissions: Bool
    /// Teams may register while this phase is open (default true).
    public var registration: Bool

    public init(
        name: String, startsAt: String? = nil, endsAt: String? = nil, finalSelection: Bool = false,
        submissions: Bool = true, registration: Bool = true
    ) {
        self.name = name
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.finalSelection = finalSelection
        self.submissions = submissions
        self.registration = registration
    }

    enum CodingKeys: String, CodingKey {
        case name
        case startsAt = "starts_at"
        case endsAt = "ends_at"
        case finalSelection = "final_selection"
        case submissions
        case registration
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        startsAt = try container.decodeIfPresent(String.self, forKey: .startsAt)
        endsAt = try container.decodeIfPresent(String.self, forKey: .endsAt)
        finalSelection = try container.decodeIfPresent(Bool.self, forKey: .finalSelection) ?? false
        submissions = try container.decodeIfPresent(Bool.self, forKey: .submissions) ?? true
        registration = try container.decodeIfPresent(Bool.self, forKey: .registration) ?? true
    }
}
