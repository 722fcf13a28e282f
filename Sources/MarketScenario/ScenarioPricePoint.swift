/// One explicit tick of a price path.
public struct ScenarioPricePoint: Sendable, Decodable {
    /// Index.
    public var index: String
    /// Mark.
    public var mark: String?
    /// Funding rate.
    public var fundingRate: String?
}
