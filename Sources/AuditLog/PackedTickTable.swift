/// A map from small integer ids (accounts, slots, instruments) to values for ``PackedTickModel``:
/// ids below 65,536 index an array (no hashing on the hot path), larger ones a dictionary, so a
/// hostile id costs at most that array.
struct PackedTickTable<Value> {
    private static var limit: UInt32 { 1 << 16 }
    private var dense: [Value?] = []
    private var sparse: [UInt32: Value] = [:]

    /// The value of `key`, if set.
    subscript(key: UInt32) -> Value? {
        if key < Self.limit { return Int(key) < dense.count ? dense[Int(key)] : nil }
        return sparse[key]
    }

    /// Runs `body` on the value of `key` in place, setting it to `value` first when absent.
    @discardableResult
    mutating func modify<R>(_ key: UInt32, default value: @autoclosure () -> Value, _ body: (inout Value) -> R) -> R {
        guard key < Self.limit else { return body(&sparse[key, default: value()]) }
        let index = Int(key)
        if index >= dense.count { dense.append(contentsOf: repeatElement(nil, count: index + 1 - dense.count)) }
        if dense[index] == nil { dense[index] = value() }
        return body(&dense[index]!)
    }

    /// Sets the value of `key`.
    mutating func set(_ key: UInt32, _ value: Value) { modify(key, default: value) { $0 = value } }
}

extension PackedTickTable: Sendable where Value: Sendable {}
