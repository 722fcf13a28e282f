/// One explicit tick of a price path.
public struct ScenarioPricePoint: Sendable, Decodable {
    public var index: String
    public var mark: String?
    public var fundingRate: String?
}
