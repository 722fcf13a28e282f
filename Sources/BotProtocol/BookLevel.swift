/// One price level of an order book side, encoded as a two-element array `[price, qty]`.
public struct BookLevel: Codable, Sendable, Hashable {
    public var price: String
    public var quantity: String

    /// Creates a level from decimal strings.
    public init(price: String, quantity: String) {
        self.price = price
        self.quantity = quantity
    }

    public init(from decoder: any Decoder) throws {
        var container = try decoder.unkeyedContainer()
        price = try container.decode(String.self)
        quantity = try container.decode(String.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        try container.encode(price)
        try container.encode(quantity)
    }
}
