/// A contest as an organizer defines it in YAML (or JSON): market, evaluation, scoring, limits,
/// registration and phases. Decimal amounts are strings so nothing is float-ambiguous.
public struct ContestDefinition: Codable, Sendable, Hashable {
    /// Slug used in URLs: lowercase letters, digits and dashes.
    public var id: String
    public var name: String
    public var description: String?
    public var market: MarketSettings
    public var evaluation: EvaluationSettings
    public var scoring: ScoringSettings
    public var limits: LimitSettings
    public var registration: RegistrationSettings
    public var phases: [PhaseSettings]
    /// The validation episode every submission plays before ranking; nil = the defaults (see
    /// ``validationEpisode``). Optional so definitions without it keep their canonical JSON.
    public var validation: ValidationSettings?
    /// Thresholds of the fair-play detectors (docs/INTEGRITY.md); nil = the defaults (see
    /// ``integritySettings``). Optional so definitions without it keep their canonical JSON.
    public var integrity: IntegritySettings?

    public init(
        id: String, name: String, description: String? = nil, market: MarketSettings = .init(),
        evaluation: EvaluationSettings = .init(), scoring: ScoringSettings = .init(), limits: LimitSettings = .init(),
        registration: RegistrationSettings = .init(), phases: [PhaseSettings] = [PhaseSettings(name: "main")],
        validation: ValidationSettings? = nil, integrity: IntegritySettings? = nil
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.market = market
        self.evaluation = evaluation
        self.scoring = scoring
        self.limits = limits
        self.registration = registration
        self.phases = phases
        self.validation = validation
        self.integrity = integrity
    }

    /// The detector thresholds in force: the definition's, or the defaults.
    public var integritySettings: IntegritySettings { integrity ?? IntegritySettings() }

    enum CodingKeys: String, CodingKey {
        case id, name, description, market, evaluation, scoring, limits, registration, phases, validation, integrity
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        name = try container.decode(String.self, forKey: .name)
        description = try container.decodeIfPresent(String.self, forKey: .description)
        market = try container.decodeIfPresent(MarketSettings.self, forKey: .market) ?? .init()
        evaluation = try container.decodeIfPresent(EvaluationSettings.self, forKey: .evaluation) ?? .init()
        scoring = try container.decodeIfPresent(ScoringSettings.self, forKey: .scoring) ?? .init()
        limits = try container.decodeIfPresent(LimitSettings.self, forKey: .limits) ?? .init()
        registration = try container.decodeIfPresent(RegistrationSettings.self, forKey: .registration) ?? .init()
        phases = try container.decodeIfPresent([PhaseSettings].self, forKey: .phases) ?? [PhaseSettings(name: "main")]
        validation = try container.decodeIfPresent(ValidationSettings.self, forKey: .validation)
        integrity = try container.decodeIfPresent(IntegritySettings.self, forKey: .integrity)
    }
}
