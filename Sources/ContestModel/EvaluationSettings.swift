/// How submissions are evaluated: run length, heat size, starting balance and rounds.
public struct EvaluationSettings: Codable, Sendable, Hashable {
    /// Ticks per run.
    public var ticks: Int
    /// Teams sharing one market; larger fields are split into heats, reshuffled every round.
    /// ``wholeField`` (`heat_size: all` in YAML) puts every team of the contest in one market.
    public var heatSize: Int
    /// Deposit of every team account, decimal USDT.
    public var startingBalance: String
    /// Rounds: each runs every heat once on its seed.
    public var rounds: [RoundSettings]

    public init(
        ticks: Int = 300, heatSize: Int = 8, startingBalance: String = "10000",
        rounds: [RoundSettings] = [RoundSettings(seed: 1, isPublic: true)]
    ) {
        self.ticks = ticks
        self.heatSize = heatSize
        self.startingBalance = startingBalance
        self.rounds = rounds
    }

    /// `heatSize` of a contest whose whole field trades in one market (`heat_size: all`; the
    /// API shows it as -1). A literal `-1` in a definition is not accepted as `all`.
    public static let wholeField = -1
    /// Largest numeric heat size (a heat's Python and executable bots each need a sandbox; rules
    /// strategies run inside the runner).
    public static let maximumHeatSize = 10_000

    /// Whether every team of the contest trades in one market.
    public var isWholeField: Bool { heatSize == Self.wholeField }

    /// The heat size to plan a field of `teams` teams with (at least 1).
    public func heatSize(forField teams: Int) -> Int {
        isWholeField ? max(1, teams) : heatSize
    }

    enum CodingKeys: String, CodingKey {
        case ticks
        case heatSize = "heat_size"
        case startingBalance = "starting_balance"
        case rounds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = EvaluationSettings()
        ticks = try container.decodeIfPresent(Int.self, forKey: .ticks) ?? defaults.ticks
        if let size = try? container.decodeIfPresent(Int.self, forKey: .heatSize) {
            // Only the word `all` means the whole field; a number never does (it fails validation).
            heatSize = size == Self.wholeField ? Int.min : size
        } else if let text = try container.decodeIfPresent(String.self, forKey: .heatSize) {
            guard text == "all" else {
                throw DecodingError.dataCorruptedError(
                    forKey: .heatSize, in: container, debugDescription: "heat_size is a number or `all`")
            }
            heatSize = Self.wholeField
        } else {
            heatSize = defaults.heatSize
        }
        startingBalance =
            try container.decodeIfPresent(String.self, forKey: .startingBalance) ?? defaults.startingBalance
        rounds = try container.decodeIfPresent([RoundSettings].self, forKey: .rounds) ?? defaults.rounds
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(ticks, forKey: .ticks)
        if isWholeField {
            try container.encode("all", forKey: .heatSize)
        } else {
            try container.encode(heatSize, forKey: .heatSize)
        }
        try container.encode(startingBalance, forKey: .startingBalance)
        try container.encode(rounds, forKey: .rounds)
    }
}

/// One evaluation round. A public round names its seed (shown on the leaderboard, reproducible
/// with `arena backtest`); a private round has none in the definition: the server draws 32 bytes
/// of seed material per evaluation from a CSPRNG, commits to them before any run starts and
/// reveals them at publication (heat seeds are derived from the material, see docs/AUDIT.md).
public struct RoundSettings: Codable, Sendable, Hashable {
    /// The public round's seed; nil for a private round.
    public var publicSeed: UInt64?
    public var isPublic: Bool

    /// The public round's seed, 0 for a private round (whose heat seeds come from the
    /// evaluation's secret material, never from the definition).
    public var seed: UInt64 { publicSeed ?? 0 }

    /// A public round with its seed.
    public init(seed: UInt64, isPublic: Bool) {
        self.publicSeed = isPublic ? seed : nil
        self.isPublic = isPublic
    }

    /// A private round (seeded by the server per evaluation).
    public static var secret: RoundSettings { RoundSettings(publicSeed: nil, isPublic: false) }

    init(publicSeed: UInt64?, isPublic: Bool) {
        self.publicSeed = publicSeed
        self.isPublic = isPublic
    }

    enum CodingKeys: String, CodingKey {
        case publicSeed = "seed"
        case isPublic = "public"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        publicSeed = try container.decodeIfPresent(UInt64.self, forKey: .publicSeed)
        isPublic = try container.decodeIfPresent(Bool.self, forKey: .isPublic) ?? true
    }
}
