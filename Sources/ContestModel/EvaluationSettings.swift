/// How submissions are evaluated: run length, heat size, starting balance and rounds.
public struct EvaluationSettings: Codable, Sendable, Hashable {
    /// Ticks per run.
    public var ticks: Int
    /// Teams sharing one market; larger fields are split into heats, reshuffled every round.
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
        heatSize = try container.decodeIfPresent(Int.self, forKey: .heatSize) ?? defaults.heatSize
        startingBalance =
            try container.decodeIfPresent(String.self, forKey: .startingBalance) ?? defaults.startingBalance
        rounds = try container.decodeIfPresent([RoundSettings].self, forKey: .rounds) ?? defaults.rounds
    }
}

/// One evaluation round. Public seeds are shown on the leaderboard; private ones only after publication.
public struct RoundSettings: Codable, Sendable, Hashable {
    public var seed: UInt64
    public var isPublic: Bool

    public init(seed: UInt64, isPublic: Bool) {
        self.seed = seed
        self.isPublic = isPublic
    }

    enum CodingKeys: String, CodingKey {
        case seed
        case isPublic = "public"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        seed = try container.decode(UInt64.self, forKey: .seed)
        isPublic = try container.decodeIfPresent(Bool.self, forKey: .isPublic) ?? true
    }
}
