/// One tick of an explicit price path.
public struct PricePoint: Sendable, Hashable, Codable {
    /// Index.
    public var index: Price
    /// When set, the mark price of this tick (otherwise the median rule computes it).
    public var mark: Price?
    /// When set, the funding rate per interval predicted during this tick (otherwise computed
    /// from the premium index).
    public var fundingRate: Rate?

    public init(index: Price, mark: Price? = nil, fundingRate: Rate? = nil) {
        self.index = index
        self.mark = mark
        self.fundingRate = fundingRate
    }
}
