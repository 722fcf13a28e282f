/// A fixed-capacity window of the most recent values (oldest dropped first).
struct RingBuffer: Sendable {
    private var storage: [Double]
    private var head = 0
    private(set) var count = 0

    init(capacity: Int) { storage = [Double](repeating: 0, count: max(1, capacity)) }

    var capacity: Int { storage.count }
    var isFull: Bool { count == storage.count }

    /// Appends `value`; returns the value dropped to make room, if the window was full.
    @discardableResult
    mutating func push(_ value: Double) -> Double? {
        let dropped: Double? = isFull ? storage[head] : nil
        storage[head] = value
        head = head + 1 == storage.count ? 0 : head + 1
        if count < storage.count { count += 1 }
        return dropped
    }

    /// The value `age` pushes ago (0 = newest); requires `age < count`.
    func back(_ age: Int) -> Double {
        var index = head - 1 - age
        if index < 0 { index += storage.count }
        return storage[index]
    }

    /// Largest (or smallest) value in a full window; order does not matter, so the storage is
    /// scanned directly.
    func extreme(highest: Bool) -> Double {
        storage.withUnsafeBufferPointer { values in
            var best = values[0]
            if highest {
                for value in values where value > best { best = value }
            } else {
                for value in values where value < best { best = value }
            }
            return best
        }
    }

    /// Applies `body` to every value in the window, oldest first.
    func forEachOldestFirst(_ body: (Double) -> Void) {
        for age in stride(from: count - 1, through: 0, by: -1) { body(back(age)) }
    }
}
