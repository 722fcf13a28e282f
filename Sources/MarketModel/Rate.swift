/// A dimensionless rate (fee, funding rate, margin ratio) in units of 1e-8: `10_000` is 0.01 %.
public struct Rate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Units of 1e-8.
    public var units: Int64

    public static let scale = 8
    /// One whole (100 %).
    public static let one = Rate(units: 100_000_000)
    public static let zero = Rate(units: 0)

    @inlinable public init(units: Int64) { self.units = units }

    /// Parses a decimal fraction such as `"0.0002"` (0.02 %); `nil` when off the 1e-8 grid.
    public init?(decimal: String) {
        guard let units = FixedPoint.parse(decimal, scale: Self.scale) else { return nil }
        self.units = units
    }

    public var decimal: String { FixedPoint.format(units, scale: Self.scale) }
    public var description: String { decimal }

    @inlinable public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.units < rhs.units }

    public init(from decoder: any Decoder) throws {
        self.units = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(units)
    }
}
