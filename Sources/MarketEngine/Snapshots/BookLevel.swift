public import MarketModel

/// One aggregated price level.
public struct BookLevel: Sendable, Hashable, Codable {
    /// Price.
    public var price: Price
    /// Quantity.
    public var quantity: Quantity
    public init(price: Price, quantity: Quantity) {
        self.price = price
        self.quantity = quantity
    }
}
