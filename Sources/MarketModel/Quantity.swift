/// A quantity as a whole number of an instrument's lots. Signed where it is a position.
public struct Quantity: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Number of lots; one lot is `1 / InstrumentSpec.lotsPerCoin` coins.
    public var lots: Int64

    @inlinable public init(lots: Int64) { self.lots = lots }

    public static let zero = Quantity(lots: 0)

    @inlinable public static func < (lhs: Quantity, rhs: Quantity) -> Bool { lhs.lots < rhs.lots }

    public var description: String { "\(lots)l" }

    public init(from decoder: any Decoder) throws {
        self.lots = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(lots)
    }
}
