/// A maintenance-margin bracket.
public struct ScenarioTier: Sendable, Decodable {
    /// Cap.
    public var cap: String
    /// Max leverage.
    public var maxLeverage: Int64
    /// Mmr.
    public var mmr: String
    /// Cum.
    public var cum: String
}
