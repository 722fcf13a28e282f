extension Money {
    /// The larger of two amounts.
    @inlinable public static func maximum(_ a: Money, _ b: Money) -> Money { a.units >= b.units ? a : b }
    /// `true` when negative.
    @inlinable public var isNegative: Bool { units < 0 }
}

extension Quantity {
    /// Absolute number of lots.
    @inlinable public var magnitude: Int64 { lots < 0 ? -lots : lots }
    /// `true` when zero.
    @inlinable public var isZero: Bool { lots == 0 }
}
