/// A maintenance-margin bracket.
public struct ScenarioTier: Sendable, Decodable {
    public var cap: String
    public var maxLeverage: Int64
    public var mmr: String
    public var cum: String
}
