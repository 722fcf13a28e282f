/// A phase of the contest (e.g. practice, main, final) with an optional window (ISO-8601 UTC).
public struct PhaseSettings: Codable, Sendable, Hashable {
    public var name: String
    public var startsAt: String?
    public var endsAt: String?
    /// Teams pick which submission counts at the end of the phase.
    public var finalSelection: Bool

    public init(name: String, startsAt: String? = nil, endsAt: String? = nil, finalSelection: Bool = false) {
        self.name = name
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.finalSelection = finalSelection
    }

    enum CodingKeys: String, CodingKey {
        case name
        case startsAt = "starts_at"
        case endsAt = "ends_at"
        case finalSelection = "final_selection"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        name = try container.decode(String.self, forKey: .name)
        startsAt = try container.decodeIfPresent(String.self, forKey: .startsAt)
        endsAt = try container.decodeIfPresent(String.self, forKey: .endsAt)
        finalSelection = try container.decodeIfPresent(Bool.self, forKey: .finalSelection) ?? false
    }
}
