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
    /// The runtimes teams may use and their limits; nil = `rules`, `python`, `exec` with
    /// `limits` (see ``runtimeSettings``). Optional so definitions without it keep their canonical JSON.
    public var runtimes: RuntimeSettings?
    /// Decision logs; nil = not required. Optional so definitions without it keep their canonical JSON.
    public var decisions: DecisionSettings?
    /// The model gateway and the decision-point clock (docs/LLM-AGENTS.md); nil = no models.
    public var llm: LLMSettings?

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

    /// The runtime settings in force: the definition's, or the built-in runtimes.
    public var runtimeSettings: RuntimeSettings { runtimes ?? RuntimeSettings() }

    /// Whether every order needs a decision.
    public var decisionsRequired: Bool { decisions?.required ?? false }

    /// The largest bundle archive any accepted runtime allows (what an upload may send).
    public var maxBundleArchiveBytes: Int {
        let settings = runtimeSettings
        return settings.accepted.map { settings.limits(for: $0, base: limits).bundleMaxBytes ?? limits.bundleMaxBytes }
            .max() ?? limits.bundleMaxBytes
    }

    enum CodingKeys: String, CodingKey {
        case id, name, description, market, evaluation, scoring, limits, registration, phases, validation, integrity
        case runtimes, decisions
        case llm
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
        runtimes = try container.decodeIfPresent(RuntimeSettings.self, forKey: .runtimes)
        decisions = try container.decodeIfPresent(DecisionSettings.self, forKey: .decisions)
        llm = try container.decodeIfPresent(LLMSettings.self, forKey: .llm)
    }
}
