/// An amount of the settlement currency (USDT) in units of 1e-8.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Units of 1e-8 USDT.
    public var units: Int64

    /// Number of fractional decimal digits of one unit.
    public static let scale = 8
    /// Units in one whole USDT.
    public static let unitsPerCoin: Int64 = 100_000_000
    public static let zero = Money(units: 0)

    @inlinable public init(units: Int64) { self.units = units }

    /// Whole USDT, for literals in tests and defaults.
    public static func usdt(_ whole: Int64) -> Money { Money(units: whole * unitsPerCoin) }

    /// Parses a decimal string such as `"10000.5"`; `nil` when off the 1e-8 grid.
    public init?(decimal: String) {
        guard let units = FixedPoint.parse(decimal, scale: Self.scale) else { return nil }
        self.units = units
    }

    /// The amount as a decimal string, e.g. `"10000.5"`.
    public var decimal: String { FixedPoint.format(units, scale: Self.scale) }
    public var description: String { decimal }

    @inlinable public static func < (lhs: Money, rhs: Money) -> Bool { lhs.units < rhs.units }
    @inlinable public static func + (lhs: Money, rhs: Money) -> Money { Money(units: lhs.units + rhs.units) }
    @inlinable public static func - (lhs: Money, rhs: Money) -> Money { Money(units: lhs.units - rhs.units) }
    @inlinable public static prefix func - (value: Money) -> Money { Money(units: -value.units) }
    @inlinable public static func += (lhs: inout Money, rhs: Money) { lhs.units += rhs.units }
    @inlinable public static func -= (lhs: inout Money, rhs: Money) { lhs.units -= rhs.units }

    public init(from decoder: any Decoder) throws {
        self.units = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(units)
    }
}
