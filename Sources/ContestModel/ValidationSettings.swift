/// The validation episode: before a submission is queued for ranking, a runner plays it alone
/// with the background market for a few ticks on a public practice seed, in the real sandbox.
/// A bot that crashes, misses its deadlines, breaks the protocol or (with `require_activity`)
/// never gets an order accepted is rejected, uncharged, and never replaces the team's entry.
/// `arena check` plays the same episode locally.
///
/// In YAML (every field optional):
///
/// ```yaml
/// validation:
///   ticks: 30
///   seed: 424242
///   require_activity: true
/// ```
public struct ValidationSettings: Codable, Sendable, Hashable {
    /// Ticks of the practice market.
    public var ticks: Int
    /// The public practice seed (never a ranking seed).
    public var seed: UInt64
    /// Reject a bot that places no order the exchange accepts during the episode.
    public var requireActivity: Bool

    /// The defaults: 30 ticks on seed 424242, activity not required.
    public init(ticks: Int = 30, seed: UInt64 = 424_242, requireActivity: Bool = false) {
        self.ticks = ticks
        self.seed = seed
        self.requireActivity = requireActivity
    }

    enum CodingKeys: String, CodingKey {
        case ticks
        case seed
        case requireActivity = "require_activity"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ValidationSettings()
        ticks = try container.decodeIfPresent(Int.self, forKey: .ticks) ?? defaults.ticks
        seed = try container.decodeIfPresent(UInt64.self, forKey: .seed) ?? defaults.seed
        requireActivity =
            try container.decodeIfPresent(Bool.self, forKey: .requireActivity) ?? defaults.requireActivity
    }
}

extension ContestDefinition {
    /// The validation episode of this contest: its `validation` section, or the defaults.
    public var validationEpisode: ValidationSettings { validation ?? ValidationSettings() }
}
