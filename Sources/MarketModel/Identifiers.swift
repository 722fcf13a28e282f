/// An account (one per team per run, plus house accounts) inside one market.
public struct AccountID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: UInt32
    @inlinable public init(_ rawValue: UInt32) { self.rawValue = rawValue }
    @inlinable public static func < (lhs: AccountID, rhs: AccountID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "acct\(rawValue)" }
}

/// An order id, assigned by the engine in strictly increasing order.
public struct OrderID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: UInt64
    @inlinable public init(_ rawValue: UInt64) { self.rawValue = rawValue }
    @inlinable public static func < (lhs: OrderID, rhs: OrderID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "o\(rawValue)" }
}

/// An instrument, as its index in the market configuration's instrument list.
public struct InstrumentID: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: UInt16
    @inlinable public init(_ rawValue: UInt16) { self.rawValue = rawValue }
    @inlinable public static func < (lhs: InstrumentID, rhs: InstrumentID) -> Bool { lhs.rawValue < rhs.rawValue }
    public var description: String { "i\(rawValue)" }
}
