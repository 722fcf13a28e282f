/// A price as a whole number of an instrument's ticks.
public struct Price: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// Number of ticks; one tick is `InstrumentSpec.tickSize`.
    public var ticks: Int64

    @inlinable public init(ticks: Int64) { self.ticks = ticks }

    @inlinable public static func < (lhs: Price, rhs: Price) -> Bool { lhs.ticks < rhs.ticks }

    public var description: String { "\(ticks)t" }

    public init(from decoder: any Decoder) throws {
        self.ticks = try decoder.singleValueContainer().decode(Int64.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(ticks)
    }
}
